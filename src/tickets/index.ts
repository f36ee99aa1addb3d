export {
  REQUIRED_FACTS,
  TICKET_KINDS,
  formatTicket,
  isTicketKind,
  missingTicketFacts,
  renderTicket,
  type Ticket,
  type TicketEmployer,
  type TicketFacts,
  type TicketKind,
} from './render.js';
export { copyToClipboard, type ClipboardOptions, type ClipboardResult } from './clipboard.js';
