export { TelegramConnector, TELEGRAM_API } from './connector';
export { telegramMessageId } from './map';
