// puppeteer (pulled in by @axe-core/puppeteer) must not download its own browser: we use Debian's Chromium.
module.exports = { skipDownload: true };
