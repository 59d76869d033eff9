export { appointmentMessages, getMessage, listMessages, resendMessage, type MessageView } from "./list";
export { deleteProvider, getMessageSettings, listProviders, setProvider, updateMessageSettings, type ProviderView } from "./settings";
export { planAll, planOnce } from "./plan";
export { claimDue, sendClaimed, sendDue } from "./sender";
export { startMessageWorker, stopMessageWorker } from "./worker";
export { handleReply, listUnreadReplies, markReplyRead, replyWord, type Reply, type ReplyOutcome, type UnreadReply } from "./replies";
export { smsCallback, whatsAppCallback, whatsAppChallenge, type CallbackResult } from "./inbound";
