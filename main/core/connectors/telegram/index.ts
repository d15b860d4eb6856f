export { TelegramConnector, TELEGRAM_API, parseTelegramUpdates } from './connector';
export { telegramMessageId } from './map';
export { formatAddress as formatTelegramAddress, parseAddress as parseTelegramAddress, type TelegramAddress } from './address';
