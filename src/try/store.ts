// The page's view of each simulated chat: what was said in it, by whom, with which keyboards.
// In memory only (the bot's state lives in PostgreSQL; this is just the transcript).

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  /** Bumped on every change; the page asks for everything after the last rev it saw. */
  rev: number;
  from: "bot" | "user";
  /** The sender's name (group chats show it). */
  sender: string;
  /** Safe HTML (already sanitised). */
  html: string;
  /** The text as sent (what an update's message.text carries). */
  text: string;
  date: number;
  replyTo?: number;
  inlineKeyboard?: InlineButton[][];
  edited?: boolean;
  deleted?: boolean;
}

export interface ReplyKeyboardState {
  rows: string[][];
  oneTime: boolean;
  placeholder?: string;
}

export interface ChatState {
  chatId: number;
  /** Current reply keyboard (null = none); rev when it last changed. */
  keyboard: ReplyKeyboardState | null;
  keyboardRev: number;
  /** The last callback answer with text (a toast or an alert). */
  notice?: { text: string; alert: boolean; rev: number };
}

export interface ChatChanges {
  rev: number;
  messages: StoredMessage[];
  chats: ChatState[];
}

const MAX_MESSAGES_PER_CHAT = 400;

export class ChatStore {
  private rev = 0;
  private readonly messages = new Map<number, StoredMessage[]>();
  private readonly chats = new Map<number, ChatState>();
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(private readonly nextMessageIdFor: (chatId: number) => number) {}

  get currentRev(): number {
    return this.rev;
  }

  chat(chatId: number): ChatState {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { chatId, keyboard: null, keyboardRev: 0 };
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  add(message: Omit<StoredMessage, "rev" | "messageId" | "date">): StoredMessage {
    const list = this.messages.get(message.chatId) ?? [];
    this.messages.set(message.chatId, list);
    const stored: StoredMessage = { ...message, messageId: this.nextMessageIdFor(message.chatId), date: Math.floor(Date.now() / 1000), rev: ++this.rev };
    list.push(stored);
    if (list.length > MAX_MESSAGES_PER_CHAT) list.splice(0, list.length - MAX_MESSAGES_PER_CHAT);
    this.changed();
    return stored;
  }

  find(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(chatId)?.find((m) => m.messageId === messageId);
  }

  update(chatId: number, messageId: number, change: Partial<Pick<StoredMessage, "html" | "text" | "inlineKeyboard" | "edited" | "deleted">>): StoredMessage | undefined {
    const message = this.find(chatId, messageId);
    if (!message || message.deleted) return undefined;
    Object.assign(message, change, { rev: ++this.rev });
    if (change.inlineKeyboard === undefined && "inlineKeyboard" in change) delete message.inlineKeyboard;
    this.changed();
    return message;
  }

  setKeyboard(chatId: number, keyboard: ReplyKeyboardState | null): void {
    const chat = this.chat(chatId);
    chat.keyboard = keyboard;
    chat.keyboardRev = ++this.rev;
    this.changed();
  }

  notice(chatId: number, text: string, alert: boolean): void {
    this.chat(chatId).notice = { text, alert, rev: ++this.rev };
    this.changed();
  }

  /** Everything that changed after `since` (messages of every chat, and chat states). */
  changesSince(since: number): ChatChanges {
    const messages: StoredMessage[] = [];
    for (const list of this.messages.values()) for (const m of list) if (m.rev > since) messages.push(m);
    messages.sort((a, b) => a.rev - b.rev);
    const chats = [...this.chats.values()].filter((c) => c.keyboardRev > since || (c.notice?.rev ?? 0) > since);
    return { rev: this.rev, messages, chats };
  }

  /** Resolves when something changes, or after `ms` (at once after close()). */
  waitForChange(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.listeners.add(done);
    });
  }

  /** Releases every waiting long poll (the server is stopping) and makes new ones return at once. */
  close(): void {
    this.closed = true;
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
