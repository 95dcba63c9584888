/** Common Norwegian names, combined at random into synthetic people. No real person is meant. */
export const GIVEN_FEMALE = ['Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Solveig', 'Åse', 'Ragnhild', 'Sigrid', 'Tone', 'Nora', 'Emma', 'Sára', 'Maja'];
export const GIVEN_MALE = ['Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Hans', 'Geir', 'Tor', 'Øyvind', 'Jørgen', 'Håkon', 'Pål', 'Ørjan', 'Aslak', 'Even', 'Sindre'];
export const FAMILY = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Bakke', 'Solberg', 'Lien', 'Dahl', 'Sæther', 'Strøm', 'Ødegård', 'Aase', 'Bråten', 'Lyngstad', 'Kvåle', 'Mæland', 'Sørli', 'Grønvold'];

export const PARTIES = [
  { shortName: 'Ap', name: 'Arbeiderpartiet', seats: 7 },
  { shortName: 'H', name: 'Høyre', seats: 7 },
  { shortName: 'Sp', name: 'Senterpartiet', seats: 4 },
  { shortName: 'FrP', name: 'Fremskrittspartiet', seats: 4 },
  { shortName: 'SV', name: 'Sosialistisk Venstreparti', seats: 2 },
  { shortName: 'KrF', name: 'Kristelig Folkeparti', seats: 1 },
  { shortName: 'V', name: 'Venstre', seats: 1 },
  { shortName: 'MDG', name: 'Miljøpartiet De Grønne', seats: 1 },
];

/** Deterministic pseudo-random numbers (mulberry32), so the demo is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
