// Runs after npm install: tells the user which Node the project's scripts will use.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.warn(`[sekretariat] npm itself runs on Node ${process.versions.node}; the project's scripts run on the pinned Node 24 from node_modules/.bin.`);
}
