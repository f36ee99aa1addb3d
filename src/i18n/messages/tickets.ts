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
    'tickets.employer.full': '{companyName} (werkgevernummer {employerNumber})',
    'tickets.employer.numberOnly': 'werkgevernummer {employerNumber}',

    'tickets.webservicepartij.subject': 'Verzoek toevoegen webservicepartij voor de Benefits-Plaza koppeling',
    'tickets.webservicepartij.subjectWithOffice': 'Verzoek toevoegen webservicepartij voor de Benefits-Plaza koppeling — {officeName}',
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

    'tickets.autorisatie.subject': 'Verzoek bevestiging autorisatie webservicepartij Benefits-Plaza — {officeName}',
    'tickets.autorisatie.request':
      'Wij richten de Benefits-Plaza salariskoppeling van a.s.r. in. Wilt u bevestigen (of zo nodig instellen) dat de webservicepartij Benefits-Plaza voor onze provider toegang heeft tot de functies en entiteiten werkgever, persoon en verlof, voor webservicegebruiker {webserviceUser} en het webserviceperceel dat bij die gebruiker is gekozen?',
    'tickets.autorisatie.readOnly': 'Het gaat om leestoegang (raadplegen) voor de Benefits-Plaza salariskoppeling van a.s.r.',
    'tickets.autorisatie.teams': 'De webservicegebruiker is via team {teams} aan de werkgevers gekoppeld.',
    'tickets.autorisatie.employersHeading': 'Ter referentie, de werkgevers waaraan de webservicegebruiker nu gekoppeld is:',
    'tickets.autorisatie.moreEmployers': '- en nog {count} andere',
    'tickets.autorisatie.reply': 'Wilt u in uw antwoord het ticketnummer vermelden? Dan leggen wij uw bevestiging vast.',

    'tickets.clipboard.unavailable': 'geen klembordprogramma gevonden (gezocht: {tools}); gebruik --out <bestand> of kopieer de tekst zelf',
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
    'tickets.employer.full': '{companyName} (employer number {employerNumber})',
    'tickets.employer.numberOnly': 'employer number {employerNumber}',

    'tickets.webservicepartij.subject': 'Request to add webservicepartij for the Benefits-Plaza koppeling',
    'tickets.webservicepartij.subjectWithOffice': 'Request to add webservicepartij for the Benefits-Plaza koppeling — {officeName}',
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

    'tickets.autorisatie.subject': 'Request to confirm the authorization of webservicepartij Benefits-Plaza — {officeName}',
    'tickets.autorisatie.request':
      "We are setting up a.s.r.'s Benefits-Plaza salariskoppeling (payroll link). Could you confirm (or, where needed, set up) that the webservicepartij Benefits-Plaza has access for our provider to the functions and entities werkgever (employer), persoon (person) and verlof (leave), for webservice user {webserviceUser} and the web service lot chosen on that user?",
    'tickets.autorisatie.readOnly': "This is about read access (raadplegen) for a.s.r.'s Benefits-Plaza salariskoppeling (payroll link).",
    'tickets.autorisatie.teams': 'The webservice user is linked to the employers through team {teams}.',
    'tickets.autorisatie.employersHeading': 'For reference, the employers the webservice user is linked to now:',
    'tickets.autorisatie.moreEmployers': '- and {count} more',
    'tickets.autorisatie.reply': 'Could you mention the ticket number in your reply? We will record your confirmation with it.',

    'tickets.clipboard.unavailable': 'no clipboard program found (looked for: {tools}); use --out <file> or copy the text yourself',
    'tickets.clipboard.failed': '{tool} could not copy the text to the clipboard: {detail}',
    'tickets.clipboard.exitCode': 'exited with code {code}',
    'tickets.clipboard.timeout': '{tool} did not respond within {seconds} seconds',
  },
);
