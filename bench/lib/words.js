// words.js — Norwegian text for the bench data set: names, organisations and
// sentences about municipal service innovation, built from word lists with a
// seeded random generator so every run makes the same data.
'use strict';

// sfc32-like fast PRNG, seeded; rnd() in [0, 1).
function rng(seed) {
  let a = 0x9e3779b9 ^ seed, b = 0x243f6a88, c = 0xb7e15162, d = seed | 0;
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const FIRST = ('Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Maria ' +
  'Elisabeth Kristin Bente Heidi Silje Hanne Gunn Tone Ellen Wenche Camilla Tonje Nora Emma Sara Ingeborg Sigrid ' +
  'Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Thomas Hans Geir Tor Morten Terje Odd Erik Martin Andreas Rune ' +
  'Trond Jon Anders Tore Harald Olav Magnus Jonas Henrik Espen Øyvind Ståle Håkon Sindre Eirik Mathias Kristian Aslak').split(' ');
const LAST = ('Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen ' +
  'Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen ' +
  'Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen ' +
  'Mathisen Lie Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke Kristensen Fredriksen Holm ' +
  'Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen Ahmed Haugland Thomassen ' +
  'Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen Antonsen Næss Vik Haug Ellingsen Thorsen Edvardsen').split(' ');

// Real municipalities first (well-known names), then invented ones built from
// common place-name parts, so 400 organisations never repeat a name.
const KOMMUNER = ('Oslo Bergen Trondheim Stavanger Kristiansand Drammen Fredrikstad Sandnes Tromsø Sarpsborg Skien Bærum ' +
  'Asker Ålesund Bodø Lillestrøm Larvik Tønsberg Moss Arendal Haugesund Porsgrunn Sandefjord Hamar Halden Lillehammer ' +
  'Molde Gjøvik Ringsaker Kongsberg Harstad Rana Steinkjer Narvik Alta Kristiansund Elverum Ringerike Stjørdal Levanger ' +
  'Namsos Vefsn Sogndal Førde Voss Stord Os Ullensaker Nordre Follo Lørenskog Eidsvoll Nittedal Gran Lunner Hole ' +
  'Modum Øvre Eiker Notodden Bø Vinje Tinn Valle Bykle Flekkefjord Farsund Lyngdal Eigersund Hå Klepp Time Gjesdal ' +
  'Sola Randaberg Strand Hjelmeland Suldal Sauda Tysvær Karmøy Bømlo Kvinnherad Ullensvang Eidfjord Ulvik Vaksdal ' +
  'Osterøy Alver Austrheim Fedje Masfjorden Gulen Solund Hyllestad Høyanger Vik Aurland Lærdal Årdal Luster Askvoll ' +
  'Fjaler Sunnfjord Bremanger Stad Gloppen Stryn Vanylven Sande Herøy Ulstein Hareid Ørsta Volda Fjord Stranda Sykkylven ' +
  'Vestnes Rauma Aukra Aure Averøy Gjemnes Tingvoll Sunndal Surnadal Smøla Heim Hitra Frøya Ørland Åfjord Orkland ' +
  'Oppdal Rennebu Røros Holtålen Midtre Gauldal Melhus Skaun Malvik Selbu Tydal Meråker Frosta Inderøy Snåsa Lierne ' +
  'Grong Høylandet Overhalla Flatanger Leka Nærøysund Bindal Sømna Brønnøy Vega Vevelstad Herøy Alstahaug Leirfjord ' +
  'Vefsn Grane Hattfjelldal Dønna Nesna Hemnes Lurøy Træna Rødøy Meløy Gildeskål Beiarn Saltdal Fauske Sørfold ' +
  'Steigen Lødingen Evenes Hadsel Bø Øksnes Sortland Andøy Moskenes Flakstad Vestvågøy Vågan Røst Værøy Kvæfjord ' +
  'Tjeldsund Ibestad Gratangen Lavangen Bardu Salangen Målselv Sørreisa Dyrøy Senja Balsfjord Karlsøy Lyngen Storfjord ' +
  'Kåfjord Skjervøy Nordreisa Kvænangen Hammerfest Vadsø Vardø Loppa Hasvik Måsøy Nordkapp Porsanger Karasjok ' +
  'Lebesby Gamvik Berlevåg Tana Nesseby Båtsfjord Sør-Varanger Kautokeino').split(' ');
const PLACE_A = 'Berg Li Ås Vik Dal Fjell Sand Strand Haug Nes Mo Sol Øy Eid Lund Rød Hov Tun Holm Bred Lang Kvit Svart Stor Vest Nord Sør Aust Furu Bjørk Elv Sjø Myr Ør Hammar'.split(' ');
const PLACE_B = 'en stad vik dal fjord nes berg heim ås øy sund land hus rud set vang li bø haug mo'.split(' ');

const AREAS = ['health', 'schools', 'technical', 'culture', 'social', 'planning', 'other'];
const AREA_WORDS = {
  health: ['hjemmetjenesten', 'sykehjemmet', 'legevakten', 'helsestasjonen', 'rehabiliteringen', 'pleie og omsorg', 'psykisk helse'],
  schools: ['barnehagene', 'skolene', 'SFO', 'PPT', 'voksenopplæringen', 'kulturskolen', 'skolehelsetjenesten'],
  technical: ['byggesak', 'vann og avløp', 'renovasjonen', 'vegvedlikeholdet', 'eiendomsforvaltningen', 'brannvesenet'],
  culture: ['biblioteket', 'fritidsklubben', 'idrettsanleggene', 'kulturhuset', 'frivilligsentralen'],
  social: ['NAV-kontoret', 'barnevernet', 'boligkontoret', 'flyktningtjenesten', 'rustjenesten', 'tildelingskontoret'],
  planning: ['arealplanleggingen', 'klimaarbeidet', 'sentrumsutviklingen', 'kollektivtilbudet', 'næringsutviklingen'],
  other: ['servicetorget', 'innkjøpsavdelingen', 'IKT-tjenesten', 'arkivet', 'lønn og personal'],
};

const SUBJ = ['Brukerne', 'De ansatte', 'Pårørende', 'Saksbehandlerne', 'Innbyggerne', 'Ledergruppen', 'Teamet',
  'Flere av de eldre', 'Foreldrene', 'Ungdommene', 'Fastlegene', 'Nattevaktene', 'Tillitsvalgte', 'Leverandøren',
  'Mange av søkerne', 'Kommunedirektøren', 'Enhetslederne', 'Frivillige', 'Elevene', 'Beboerne', 'Tjenesteeieren',
  'Helsefagarbeiderne', 'Sykepleierne', 'Lærerne', 'Brukerrådet', 'Eldrerådet', 'Ungdomsrådet', 'Innkjøperne'];
const VERB = ['opplever', 'ønsker seg', 'mangler', 'savner', 'etterlyser', 'forteller om', 'beskriver', 'trenger',
  'strever med', 'prioriterer', 'er bekymret for', 'er fornøyde med', 'bruker mye tid på', 'har lite tillit til',
  'peker på', 'er opptatt av', 'har gode erfaringer med', 'ble overrasket over', 'vil gjerne ha', 'ser verdien av'];
const OBJ = ['lang ventetid', 'mer forutsigbarhet', 'bedre informasjon', 'digitale skjemaer', 'tydeligere ansvar',
  'færre overleveringer', 'oversikt over vedtakene', 'kontakt med en fast saksbehandler', 'fleksible åpningstider',
  'tilpasset opplæring', 'trygghet om natten', 'dobbeltregistrering i fagsystemene', 'uklare rutiner',
  'raskere svar på søknader', 'samarbeid på tvers av enhetene', 'mindre papirarbeid', 'sensorteknologi',
  'et enklere språk i brevene', 'mulighet til å følge saken sin', 'avbrutte samtaler', 'et bedre tilbud på kveldstid',
  'mer tid sammen med brukerne', 'felles møteplasser', 'digitalt tilsyn', 'bedre skjermbilder', 'mer medvirkning',
  'lavere sykefravær', 'et samlet kontaktpunkt', 'kortere reisetid', 'besøk til faste tider', 'tydelige frister'];
const MOD = ['i hverdagen', 'etter utskrivning fra sykehus', 'på kveldstid', 'i overgangen mellom tjenestene',
  'når de søker om hjelp', 'gjennom hele forløpet', 'i dag', 'siden omleggingen', 'i sommerferien',
  'den første uka', 'i møte med kommunen', 'når det haster', 'ved skolestart', 'i helgene', 'fra første kontakt',
  'når vedtaket kommer', 'i de mindre grendene', 'i sentrum', 'på nettsidene', 'i møtene med teamet'];
const CONN = ['fordi', 'selv om', 'og derfor', 'men', 'samtidig som', 'slik at', 'mens', 'og'];
const ADJ = ['Trygg', 'Enklere', 'Smartere', 'Digital', 'Felles', 'Raskere', 'Bedre', 'Ny', 'Helhetlig', 'Sømløs',
  'Aktiv', 'Forenklet', 'Brukervennlig', 'Moderne', 'Mobil', 'Åpen', 'Koordinert', 'Grønn'];
const NOUN = ['hjemkomst', 'søknad', 'tilsynsordning', 'saksbehandling', 'overgang', 'innbyggerdialog', 'timebestilling',
  'varsling', 'oppfølging', 'bestilling', 'veiledning', 'rapportering', 'innsamling', 'vedtaksprosess', 'kartlegging',
  'kommunikasjon', 'samhandling', 'tildeling', 'skyss', 'møteplass', 'læringsløp', 'informasjonsflyt', 'kontaktflate'];

function make(rnd) {
  const pick = a => a[(rnd() * a.length) | 0];
  const int = (lo, hi) => lo + ((rnd() * (hi - lo + 1)) | 0);
  const chance = p => rnd() < p;
  function sentence(area) {
    let s = `${pick(SUBJ)} ${pick(VERB)} ${pick(OBJ)}`;
    if (chance(0.5)) s += ` ${pick(MOD)}`;
    if (area && chance(0.35)) s += ` i ${pick(AREA_WORDS[area])}`;
    if (chance(0.35)) s += `, ${pick(CONN)} ${pick(SUBJ).toLowerCase()} ${pick(VERB)} ${pick(OBJ)}`;
    return s + '.';
  }
  function paragraph(area, lo = 2, hi = 5) {
    const n = int(lo, hi);
    const out = [];
    for (let i = 0; i < n; i++) out.push(sentence(area));
    return out.join(' ');
  }
  // Free text of varied length: mostly a few sentences, sometimes Markdown
  // paragraphs and lists, now and then a long write-up.
  function longtext(area) {
    const r = rnd();
    if (r < 0.45) return paragraph(area, 1, 3);
    if (r < 0.8) return paragraph(area, 2, 5) + '\n\n' + paragraph(area, 1, 4);
    if (r < 0.97) {
      let s = paragraph(area, 1, 3) + '\n\n';
      const n = int(3, 6);
      for (let i = 0; i < n; i++) s += `- ${sentence(area)}\n`;
      return s.trimEnd();
    }
    const parts = [];
    const n = int(4, 9);
    for (let i = 0; i < n; i++) parts.push(paragraph(area, 3, 6));
    return parts.join('\n\n');
  }
  function phrase(area) {
    const r = rnd();
    if (r < 0.3) return `${pick(ADJ)} ${pick(NOUN)}`;
    if (r < 0.6) return `${pick(OBJ).replace(/^./, c => c.toUpperCase())} ${pick(MOD)}`;
    if (r < 0.8) return `${pick(ADJ)} ${pick(NOUN)} i ${pick(AREA_WORDS[area || 'other'])}`;
    return sentence(area).slice(0, -1);
  }
  function title(area) {
    const w = AREA_WORDS[area];
    const r = rnd();
    if (r < 0.5) return `${pick(ADJ)} ${pick(NOUN)} i ${pick(w)}`;
    if (r < 0.8) return `${pick(ADJ)} ${pick(NOUN)}`;
    return `${pick(OBJ).replace(/^./, c => c.toUpperCase())} ${pick(MOD)}`;
  }
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  return { pick, int, chance, sentence, paragraph, longtext, phrase, title, person };
}

function orgNames(n) {
  const names = KOMMUNER.filter((v, i, a) => a.indexOf(v) === i);
  for (const a of PLACE_A) for (const b of PLACE_B) {
    const nm = a + b;
    if (!names.includes(nm)) names.push(nm);
  }
  return names.slice(0, n);
}

// A valid organisation number (weights 3,2,7,6,5,4,3,2, mod 11) from a seed.
function orgnr(seed) {
  const w = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let k = 0; ; k++) {
    const base = String(900000000 + ((seed * 7919 + k * 104729) % 99999999)).slice(0, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(base[i]) * w[i];
    let r = 11 - (sum % 11);
    if (r === 11) r = 0;
    if (r === 10) continue;
    return base + r;
  }
}

function ascii(s) {
  return s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

module.exports = { rng, make, orgNames, orgnr, ascii, AREAS, FIRST, LAST };
