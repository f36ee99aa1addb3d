import { defineMessages } from '../define.js';

export const loket = defineMessages(
  {
    'loket.env.unknown': 'Onbekende Loket.nl-omgeving "{env}".',
    'loket.env.unknownHint': 'Kies een van: {choices} (--env of LOKET_ENV).',
    'loket.env.invalidUrl':
      '{option} is geen bruikbaar adres: {url}. Geef alleen schema, server en pad op (geen gebruikersnaam, wachtwoord of ?-parameters).',
    'loket.env.insecureUrl':
      '{option} moet met https:// beginnen: {url}. Alleen 127.0.0.1, ::1 en localhost mogen http:// gebruiken.',
    'loket.env.urlHint': 'Gebruik een https://-adres voor {option}, of laat {option} weg om de gewone Loket.nl-omgeving te gebruiken.',
    'loket.proxy.invalid': '{variable} is geen geldig proxyadres: {url}',
    'loket.http.deadline': 'De tijdslimiet is verstreken tijdens {method} {path}; de controle is afgebroken.',
    'loket.http.timeout': 'Loket.nl antwoordde niet binnen {seconds} s op {method} {path}, ook niet na {attempts} pogingen.',
    'loket.http.timeoutHint': 'Probeer het later opnieuw, of geef meer tijd met --timeout <ms>.',
    'loket.http.rateLimited':
      'Loket.nl beperkt het aantal verzoeken (429 op {method} {path}); probeer het opnieuw na {time}.',
    'loket.http.unavailable':
      'Loket.nl is tijdelijk niet beschikbaar ({status} op {method} {path}); probeer het opnieuw na {time}.',
    'loket.http.gaveUp': 'Loket.nl gaf na {attempts} pogingen nog steeds {status} op {method} {path}.',
    'loket.http.gaveUpHint': 'Loket.nl is mogelijk tijdelijk overbelast of in onderhoud; probeer het later opnieuw.',
    'loket.http.network': 'Geen verbinding met {host} ({code}) tijdens {method} {path}.',
    'loket.http.hostNotFound': 'De server {host} is niet gevonden (ENOTFOUND).',
    'loket.http.networkHint':
      'Controleer de netwerkverbinding. Zit u achter een proxy? Zet dan HTTPS_PROXY (en NO_PROXY voor uitzonderingen).',
    'loket.http.tls': 'Het TLS-certificaat van {host} wordt niet vertrouwd ({code}).',
    'loket.http.tlsHint':
      'Zit u achter een bedrijfsproxy die HTTPS-verkeer inspecteert? Zet NODE_EXTRA_CA_CERTS op het bestand met het CA-certificaat van die proxy (vraag het aan uw IT-afdeling). Controleer anders HTTPS_PROXY.',
    'loket.http.forbidden': 'Loket.nl geeft geen toegang tot {method} {path} (403).',
    'loket.http.notFound': 'Loket.nl kent {method} {path} niet (404).',
    'loket.http.intermediary':
      '{method} {path} werd geweigerd ({status}), maar niet door Loket.nl: het antwoord komt van iets daartussen, zoals een proxy, firewall of portaal ({marker}).',
    'loket.http.intermediaryHint':
      'Vraag je IT-afdeling om {host} door te laten, of controleer HTTPS_PROXY en NO_PROXY. Bekijk het antwoord met --debug.',
    'loket.http.marker.html': 'een HTML-pagina',
    'loket.http.marker.proxy': 'via de proxy {proxy}',
    'loket.http.status': 'Loket.nl weigerde {method} {path} ({status}).',
    'loket.http.loketSays': 'Loket.nl meldt: "{message}"',
    'loket.http.proxyAuth': 'De proxy vraagt om een aanmelding (407) bij {method} {path}.',
    'loket.http.proxyAuthHint':
      'Neem de proxy-gebruikersnaam en het wachtwoord op in HTTPS_PROXY, bijvoorbeeld http://gebruiker:wachtwoord@proxy:8080.',
    'loket.http.loginAgain': 'Loket.nl accepteert uw aanmelding niet meer ({method} {path} gaf twee keer 401).',
    'loket.http.loginAgainHint': 'Meld u opnieuw aan met: loket-asr-setup login',
    'loket.http.refreshFailed': 'Het vernieuwen van uw Loket.nl-aanmelding is mislukt.',
    'loket.http.tooLarge': 'Het antwoord van {host} op {method} {path} is groter dan {megabytes} MB; het lezen is gestopt.',
    'loket.http.unexpected': 'Onverwacht antwoord van {host} op {method} {path}: geen JSON.',
    'loket.http.unexpectedShape': 'Onverwacht antwoord van {host} op {method} {path}: de opbouw klopt niet ({field}).',
    'loket.http.unexpectedHint':
      'Toont een proxy of portaal een eigen pagina? Bekijk het antwoord met --debug, of leg het vast met verify --dump <map>.',
    'loket.page.repeated':
      'Loket.nl gaf op {path} pagina {got} terug toen om pagina {asked} werd gevraagd; gestopt om niet eindeloos door te lezen.',
    'loket.page.repeatedHint': 'Probeer het later opnieuw; blijft dit gebeuren, meld het dan bij api@loket.nl.',
    'loket.page.tooMany':
      'Loket.nl kondigde op {path} {pages} pagina\'s aan voor {size} items (hoogstens {max} te verwachten); gestopt om niet eindeloos door te lezen.',
    'loket.page.incomplete': 'Loket.nl kondigde op {path} {pages} pagina\'s aan voor {size} items, waar er {needed} nodig zijn; de lijst zou onvolledig zijn.',
    'loket.page.sameItems':
      'Loket.nl gaf op {path} als pagina {page} dezelfde items als op pagina {earlier}; gestopt om niets dubbel te tellen.',
    'loket.page.duplicate': 'Loket.nl gaf op {path} item {id} twee keer (tweede keer op pagina {page}); de lijst is niet betrouwbaar.',
    'loket.dump.notADirectory': '{dir} is geen gewone map (of is een symbolische link); --dump schrijft daar niet in.',
    'loket.dump.worldWritable': 'Iedereen mag schrijven in {dir}; --dump schrijft daar niet in, omdat anderen er bestanden kunnen neerzetten.',
    'loket.dump.failed': 'Kan het antwoord niet opslaan in {dir} ({code}).',
    'loket.dump.failedHint': 'Kies met --dump een map waarin u mag schrijven.',
  },
  {
    'loket.env.unknown': 'Unknown Loket.nl environment "{env}".',
    'loket.env.unknownHint': 'Choose one of: {choices} (--env or LOKET_ENV).',
    'loket.env.invalidUrl':
      '{option} is not a usable address: {url}. Give scheme, host and path only (no user name, password or ?-parameters).',
    'loket.env.insecureUrl':
      '{option} must start with https://: {url}. Only 127.0.0.1, ::1 and localhost may use http://.',
    'loket.env.urlHint': 'Use an https:// address for {option}, or leave {option} out to use the regular Loket.nl environment.',
    'loket.proxy.invalid': '{variable} is not a valid proxy address: {url}',
    'loket.http.deadline': 'The time limit ran out during {method} {path}; the check was stopped.',
    'loket.http.timeout': 'Loket.nl did not answer {method} {path} within {seconds} s, not even after {attempts} attempts.',
    'loket.http.timeoutHint': 'Try again later, or allow more time with --timeout <ms>.',
    'loket.http.rateLimited': 'Rate limited by Loket.nl (429 on {method} {path}); try again after {time}.',
    'loket.http.unavailable': 'Loket.nl is temporarily unavailable ({status} on {method} {path}); try again after {time}.',
    'loket.http.gaveUp': 'Loket.nl still answered {status} to {method} {path} after {attempts} attempts.',
    'loket.http.gaveUpHint': 'Loket.nl may be overloaded or in maintenance; try again later.',
    'loket.http.network': 'Cannot connect to {host} ({code}) during {method} {path}.',
    'loket.http.hostNotFound': 'The server {host} was not found (ENOTFOUND).',
    'loket.http.networkHint':
      'Check the network connection. Behind a proxy? Then set HTTPS_PROXY (and NO_PROXY for exceptions).',
    'loket.http.tls': 'The TLS certificate of {host} is not trusted ({code}).',
    'loket.http.tlsHint':
      'Behind a company proxy that inspects HTTPS traffic? Set NODE_EXTRA_CA_CERTS to the file with that proxy\'s CA certificate (ask your IT department). Otherwise check HTTPS_PROXY.',
    'loket.http.forbidden': 'Loket.nl denies access to {method} {path} (403).',
    'loket.http.notFound': 'Loket.nl does not know {method} {path} (404).',
    'loket.http.intermediary':
      '{method} {path} was refused ({status}), but not by Loket.nl: the answer comes from something in between, such as a proxy, firewall or portal ({marker}).',
    'loket.http.intermediaryHint':
      'Ask your IT department to let {host} through, or check HTTPS_PROXY and NO_PROXY. Look at the answer with --debug.',
    'loket.http.marker.html': 'an HTML page',
    'loket.http.marker.proxy': 'through the proxy {proxy}',
    'loket.http.status': 'Loket.nl refused {method} {path} ({status}).',
    'loket.http.loketSays': 'Loket.nl says: "{message}"',
    'loket.http.proxyAuth': 'The proxy asks for a login (407) on {method} {path}.',
    'loket.http.proxyAuthHint': 'Put the proxy user name and password in HTTPS_PROXY, e.g. http://user:password@proxy:8080.',
    'loket.http.loginAgain': 'Loket.nl no longer accepts your login ({method} {path} answered 401 twice).',
    'loket.http.loginAgainHint': 'Log in again with: loket-asr-setup login',
    'loket.http.refreshFailed': 'Renewing your Loket.nl login failed.',
    'loket.http.tooLarge': 'The answer of {host} to {method} {path} is larger than {megabytes} MB; reading stopped.',
    'loket.http.unexpected': 'Unexpected answer from {host} to {method} {path}: not JSON.',
    'loket.http.unexpectedShape': 'Unexpected answer from {host} to {method} {path}: the structure does not match ({field}).',
    'loket.http.unexpectedHint':
      'Does a proxy or portal show its own page? Look at the answer with --debug, or record it with verify --dump <dir>.',
    'loket.page.repeated':
      'Loket.nl returned page {got} of {path} when page {asked} was asked; stopped rather than read on forever.',
    'loket.page.repeatedHint': 'Try again later; if it keeps happening, report it to api@loket.nl.',
    'loket.page.tooMany':
      'Loket.nl announced {pages} pages of {path} for {size} items (at most {max} expected); stopped rather than read on forever.',
    'loket.page.incomplete': 'Loket.nl announced {pages} pages of {path} for {size} items, where {needed} are needed; the list would be incomplete.',
    'loket.page.sameItems': 'Loket.nl returned the items of page {earlier} of {path} again as page {page}; stopped rather than count them twice.',
    'loket.page.duplicate': 'Loket.nl returned item {id} of {path} twice (again on page {page}); the list cannot be trusted.',
    'loket.dump.notADirectory': '{dir} is not a plain directory (or is a symbolic link); --dump does not write there.',
    'loket.dump.worldWritable': 'Anyone may write in {dir}; --dump does not write there, because others could plant files in it.',
    'loket.dump.failed': 'Cannot save the answer in {dir} ({code}).',
    'loket.dump.failedHint': 'Choose a directory you may write to with --dump.',
  },
);
