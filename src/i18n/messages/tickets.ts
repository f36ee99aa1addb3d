import { defineMessages } from '../define.js';

export const tickets = defineMessages(
  {
    'tickets.subjectLabel': 'Onderwerp',
    'tickets.greeting': 'Beste medewerker van Loket.nl,',
    'tickets.closing': 'Met vriendelijke groet,',
    'tickets.detailsHeading': 'Onze gegevens:',
    'tickets.fact.officeName': 'Administratie-/accountantskantoor: {value}',
    'tickets.fact.providerName': 'Provider in Loket.nl: {value}',
    'tickets.fact.environment': 'Omgeving: {value}',
    'tickets.fact.contactName': 'Contactpersoon: {value}',
    'tickets.fact.contactEmail': 'E-mail: {value}',
    'tickets.fact.contactPhone': 'Telefoon: {value}',
    'tickets.environment.production': 'productie',
    'tickets.environment.acceptance': 'acceptatie',
    'tickets.entity.werkgever': 'werkgever',
    'tickets.entity.persoon': 'persoon',
    'tickets.entity.verlof': 'verlof',
    'tickets.employer.full': '{companyName} (werkgevernummer {employerNumber})',
    'tickets.employer.numberOnly': 'werkgevernummer {employerNumber}',

    'tickets.webservicepartij.subject': 'Verzoek toevoegen webservicepartij voor de Benefits-Plaza koppeling',
    'tickets.webservicepartij.subjectWithOffice':
      'Verzoek toevoegen webservicepartij voor de Benefits-Plaza koppeling — {officeName}',
    'tickets.webservicepartij.request':
      'Wij verwerken salarissen in Loket.nl en willen via de Benefits-Plaza salariskoppeling gegevens uitwisselen met a.s.r. Wij verzoeken u ons daarvoor als webservicepartij toe te voegen voor de Benefits-Plaza koppeling.',
    'tickets.webservicepartij.important':
      "Belangrijk: het gaat om de Benefits-Plaza koppeling (de salariskoppeling van a.s.r.). Bij de AK gebruiker wordt voor 'webservicepartij' Benefits-Plaza gekozen.",
    'tickets.webservicepartij.followUp': 'Wilt u ons laten weten wanneer dit is ingericht?',

    'tickets.omgevingscode.subject': 'Vraag: welke omgevingscode geldt voor onze provider?',
    'tickets.omgevingscode.subjectWithOffice': 'Vraag: welke omgevingscode geldt voor {officeName}?',
    'tickets.omgevingscode.request':
      'Wij richten de Benefits-Plaza salariskoppeling van a.s.r. in. Voor de aanmelding bij a.s.r. hebben wij de omgevingscode nodig. Wilt u ons laten weten welke omgevingscode van toepassing is op onze provider?',
    'tickets.omgevingscode.officeBelow': 'Hieronder staat de naam van ons administratie- of accountantskantoor.',

    'tickets.autorisatie.subject': 'Verzoek autorisatie webservicepartij Benefits-Plaza',
    'tickets.autorisatie.subjectWithUser':
      'Verzoek autorisatie webservicepartij Benefits-Plaza voor webservicegebruiker {webserviceUser}',
    'tickets.autorisatie.request':
      'Wilt u de webservicepartij Benefits-Plaza autoriseren voor de functies en entiteiten (werkgever/persoon/verlof) die hieronder per werkgever ontbreken?',
    'tickets.autorisatie.requestWithUser':
      'Wilt u de webservicepartij Benefits-Plaza autoriseren voor de functies en entiteiten (werkgever/persoon/verlof) die hieronder per werkgever ontbreken, voor webservicegebruiker {webserviceUser}?',
    'tickets.autorisatie.readOnly':
      'Het gaat om leestoegang (raadplegen) voor de Benefits-Plaza salariskoppeling van a.s.r.',
    'tickets.autorisatie.employersHeading': 'Werkgevers en de entiteiten waarvoor de autorisatie ontbreekt:',

    'tickets.clipboard.unavailable':
      'geen klembordprogramma gevonden (gezocht: {tools}); gebruik --out <bestand> of kopieer de tekst zelf',
    'tickets.clipboard.failed': '{tool} kon de tekst niet naar het klembord kopiëren: {detail}',
    'tickets.clipboard.exitCode': 'afgesloten met code {code}',
    'tickets.clipboard.timeout': '{tool} reageerde niet binnen {seconds} seconden',
  },
  {
    'tickets.subjectLabel': 'Subject',
    'tickets.greeting': 'Dear Loket.nl support team,',
    'tickets.closing': 'Kind regards,',
    'tickets.detailsHeading': 'Our details:',
    'tickets.fact.officeName': 'Administratie-/accountantskantoor (payroll office): {value}',
    'tickets.fact.providerName': 'Provider in Loket.nl: {value}',
    'tickets.fact.environment': 'Environment: {value}',
    'tickets.fact.contactName': 'Contact person: {value}',
    'tickets.fact.contactEmail': 'E-mail: {value}',
    'tickets.fact.contactPhone': 'Phone: {value}',
    'tickets.environment.production': 'production',
    'tickets.environment.acceptance': 'acceptance',
    'tickets.entity.werkgever': 'werkgever (employer)',
    'tickets.entity.persoon': 'persoon (person)',
    'tickets.entity.verlof': 'verlof (leave)',
    'tickets.employer.full': '{companyName} (employer number {employerNumber})',
    'tickets.employer.numberOnly': 'employer number {employerNumber}',

    'tickets.webservicepartij.subject': 'Request to add webservicepartij for the Benefits-Plaza koppeling',
    'tickets.webservicepartij.subjectWithOffice':
      'Request to add webservicepartij for the Benefits-Plaza koppeling — {officeName}',
    'tickets.webservicepartij.request':
      'We process payroll in Loket.nl and want to exchange data with a.s.r. through the Benefits-Plaza salariskoppeling (payroll link). Please add us as a webservicepartij (web service party) for the Benefits-Plaza koppeling.',
    'tickets.webservicepartij.important':
      "Important: this concerns the Benefits-Plaza koppeling (a.s.r.'s salariskoppeling). For the AK gebruiker (AK user), Benefits-Plaza is chosen as 'webservicepartij'.",
    'tickets.webservicepartij.followUp': 'Please let us know when this has been set up.',

    'tickets.omgevingscode.subject': 'Question: which omgevingscode applies to our provider?',
    'tickets.omgevingscode.subjectWithOffice': 'Question: which omgevingscode applies to {officeName}?',
    'tickets.omgevingscode.request':
      "We are setting up a.s.r.'s Benefits-Plaza salariskoppeling (payroll link). To register with a.s.r. we need the omgevingscode (environment code). Could you tell us which omgevingscode applies to our provider?",
    'tickets.omgevingscode.officeBelow': 'The name of our administratie- or accountantskantoor is given below.',

    'tickets.autorisatie.subject': 'Request to authorize webservicepartij Benefits-Plaza',
    'tickets.autorisatie.subjectWithUser':
      'Request to authorize webservicepartij Benefits-Plaza for webservice user {webserviceUser}',
    'tickets.autorisatie.request':
      'Could you authorize the webservicepartij Benefits-Plaza for the functions and entities (werkgever/persoon/verlof) listed below as missing per employer?',
    'tickets.autorisatie.requestWithUser':
      'Could you authorize the webservicepartij Benefits-Plaza for the functions and entities (werkgever/persoon/verlof) listed below as missing per employer, for webservice user {webserviceUser}?',
    'tickets.autorisatie.readOnly':
      "This is about read access (raadplegen) for a.s.r.'s Benefits-Plaza salariskoppeling (payroll link).",
    'tickets.autorisatie.employersHeading': 'Employers and the entities that are not yet authorized:',

    'tickets.clipboard.unavailable':
      'no clipboard program found (looked for: {tools}); use --out <file> or copy the text yourself',
    'tickets.clipboard.failed': '{tool} could not copy the text to the clipboard: {detail}',
    'tickets.clipboard.exitCode': 'exited with code {code}',
    'tickets.clipboard.timeout': '{tool} did not respond within {seconds} seconds',
  },
);
