# panelbot — English texts. Every message here exists in bn.ftl too (a test checks it).

language-name = 🇬🇧 English

## Main menu
menu-services = 🛒 Services
menu-mass = 📦 Mass order
menu-orders = 📋 My orders
menu-balance = 💰 Balance
menu-topup = ➕ Add funds
menu-support = 🎫 Support
menu-language = 🌐 Language
menu-apikey = 🔑 API key

cmd-start = Main menu
cmd-services = Browse services
cmd-mass = Mass order
cmd-orders = My orders
cmd-balance = Balance and history
cmd-topup = Add funds (bKash / Nagad / Rocket)
cmd-support = Support ticket
cmd-language = Language
cmd-apikey = API key for resellers
cmd-cancel = Stop what you are doing

cmd-dashboard = Back office login link (admins)
cmd-broadcast = Message to customers (admins)
start-welcome =
    👋 Welcome, { $name }! Order followers, likes, views and game top-ups here, paid from your balance.
    Use the menu below.
unknown-input = I did not understand that. Please use the menu below.
conversation-expired = ♻️ The bot was updated and your last step was lost. Please start again from the menu.
button-expired = This button is no longer active.
cancelled = Stopped. Use the menu to start again.
hint-send-text = Please send your answer as a text message.
hint-use-buttons = Please choose with the buttons above.

## Language
language-choose = Choose your language:
language-set = ✅ Language set to English.

## Catalogue
catalogue-title = 🛒 Choose a category:
catalogue-empty = No services are available right now.
category-services = { $name }: choose a service.
service-details =
    🧾 #{ $id } { $name }
    💵 { $price }
    🔢 Min { $min } · Max { $max }
    ♻️ Refill: { $refill }

    { $description }
price-per-1000 = { $price } per 1000
price-per-unit = { $price } each
price-per-package = { $price } per package ({ $size })
refill-days = { $days } days after completion
refill-no = no
btn-order = 🛒 Order
btn-back = ⬅️ Back

## Delivery-time estimates
estimate-line = ⏱ Usually starts within { $start }, completes in { $complete }
estimate-not-enough = ⏱ Not enough completed orders yet to estimate the delivery time
estimate-min = { $n } min
estimate-h = { $n } h
estimate-d = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
estimate-min-range = { $from }–{ $to } min
estimate-h-range = { $from }–{ $to } h
estimate-d-range = { $from }–{ $to } days

## Late orders (stuck detection)
stuck-customer-pending-too-long = ⏳ Order #{ $id } ({ $service }) is taking longer than usual to reach our supplier. We are on it; your money is safe.
stuck-customer-unknown = ⏳ Order #{ $id } ({ $service }): we are checking with our supplier whether they received it. Your money is safe.
stuck-customer-no-progress = ⏳ Order #{ $id } ({ $service }) has not moved for a while at our supplier. This happens at busy times; we are watching it.
btn-stuck-wait = ⏳ Wait
btn-stuck-cancel = ✖️ Cancel and refund
btn-stuck-ticket = 🎫 Open a ticket
stuck-wait-ok = 👍 We keep watching it and will message you when it is done.
stuck-cancel-done = ✅ Order #{ $id } canceled. { $refund } is back in your balance.
stuck-cancel-requested = ⏳ We asked our supplier to cancel order #{ $id }. The money comes back as soon as they confirm.
stuck-cancel-refused = ❌ Order #{ $id } can no longer be cancelled: it is { $status }.
stuck-cancel-checking = ❌ We are still checking whether our supplier has order #{ $id }; it can be cancelled once that is clear. Open a ticket if you need help.

## Ordering
order-start = 🛒 { $service }
order-ask-link = Send the link ({ $platform }), starting with https://
order-ask-uid = Send the player ID (digits only).
order-ask-quantity = How many? Send a number from { $min } to { $max }.
order-ask-comments = Send the comments, one per line ({ $min } to { $max } lines).
order-ask-comments-package = Send the comments for this package, one per line.
order-ask-usernames = Send the usernames to mention, one per line.
order-ask-usernames-list = Send the usernames to mention, one per line ({ $min } to { $max } lines).
order-ask-hashtags = Send the hashtags, one per line.
order-ask-username = Send the username (for example @shopname).
order-ask-hashtag = Send the hashtag (for example #dhaka).
order-ask-media = Send the link of the post whose likers should be mentioned.
order-ask-answer-number = Which poll answer? Send its number (1 for the first answer).
order-summary =
    📝 Order summary
    Service: { $service }
    Link / ID: { $link }
    Quantity: { $quantity }
    Price: { $price }
    Your balance: { $balance }
order-low-balance = ⚠️ Your balance ({ $balance }) is below the price ({ $price }). Add funds first, then press Confirm.
btn-confirm = ✅ Confirm
btn-cancel = ✖️ Cancel
order-placed = ✅ Order #{ $id } placed. { $price } was taken from your balance. You will get a message when it is done.
order-already-placed = Order #{ $id } is already placed.
order-stale = This summary is no longer valid. Please start the order again.
order-price-changed = ⚠️ The price changed to { $price } in the meantime. Nothing was charged; please order again.
order-cancelled = Order cancelled. Nothing was charged.

## Mass order
mass-ask =
    📦 Send one order per line:
    service_id | link | quantity
    Example:
    12 | https://instagram.com/yourpage | 1000
mass-placed = ✅ Orders placed: { $count } ({ $ids }). Total { $total }.
mass-errors = ❌ Nothing was ordered. Please fix these lines:
mass-line-error = Line { $line }: { $error }
mass-try-again = Send the corrected list, or use the menu to stop.

## My orders
orders-title = 📋 Your orders (page { $page } of { $pages })
orders-empty = You have no orders yet.
orders-none-with-status = No orders with this status.
orders-all = 📋 All
order-card =
    🧾 Order #{ $id } · { $service }
    { $status }
    Quantity: { $quantity } · { $charge }
    Start count: { $start }
    Delivered: { $delivered } · Remains: { $remains }
order-card-refill-PENDING = ♻️ Refill requested, waiting for the supplier.
order-card-refill-IN_PROGRESS = ♻️ Refill in progress.
order-card-refill-COMPLETED = ♻️ Last refill completed.
order-card-refill-REJECTED = ♻️ The supplier refused the refill: { $reason }
order-card-refill-ERROR = ♻️ The refill failed at the supplier: { $reason }
order-card-refill-window-closed = ♻️ The refill period of this order ended on { $date }.
order-card-refill-cap-reached = ♻️ This order has had all { $max } refills it can have.
order-card-refill-cooldown = ♻️ The next refill can be asked in { $hours } h.
btn-refill = ♻️ Refill
refill-requested = ♻️ Refill requested.
orders-line =
    #{ $id } · { $service }
    { $quantity } · { $charge } · { $status } · { $date }
status-PENDING = ⏳ Pending
status-IN_PROGRESS = 🔄 In progress
status-COMPLETED = ✅ Completed
status-PARTIAL = ◐ Partial (rest refunded)
status-CANCELED = ✖️ Canceled (refunded)

## Balance
balance-text = 💰 Your balance: { $balance }
ledger-title = Recent activity:
ledger-empty = No activity yet.
ledger-line = { $date } · { $kind } · { $amount } { $order }
ledger-kind-TOPUP = Top-up
ledger-kind-TOPUP_BONUS = Top-up bonus
ledger-kind-TOPUP_FEE = Top-up fee
ledger-kind-ORDER_CHARGE = Order
ledger-kind-REFUND = Refund
ledger-kind-ADJUSTMENT = Adjustment
ledger-kind-GROUP_SETTLEMENT = Group settlement
topup-hint = ➕ To add funds, press "Add funds" in the menu.

## Top-up
topup-choose-method = ➕ How will you pay?
method-BKASH = bKash
method-NAGAD = Nagad
method-UPAY = Upay
method-ROCKET = Rocket
topup-send-money =
    Send the money with { $method } (Send Money) to:
    📱 { $number }
    Amount: { $min } to { $max }.
topup-ask-amount = How much did you send? (e.g. 500)
topup-ask-sender = From which mobile number did you send it with { $method }? (e.g. 01712345678)
topup-ask-trxid = Now send the { $method } transaction ID (TrxID).
topup-waiting = ⏳ Request #{ $id } received: { $amount } by { $method } from { $sender }, TrxID { $trxId }. An admin will check it; your balance is credited after approval.
topup-approved = ✅ Top-up #{ $id } approved: { $amount } added. Balance: { $balance }.
topup-rejected = ❌ Top-up #{ $id } ({ $amount }) was rejected. Reason: { $reason }. Contact support if this is a mistake.
topup-reject-reason-trx_not_found = no payment with this TrxID was found
topup-reject-reason-amount_mismatch = the amount sent does not match
topup-reject-reason-wrong_number = the sender number does not match
topup-reject-reason-duplicate = this payment was already credited

## Support tickets
ticket-choose-type = 🎫 What do you need help with?
ticket-type-REFILL = ♻️ Refill
ticket-type-CANCEL = ✖️ Cancel
ticket-type-SPEED_UP = ⚡ Speed up
ticket-type-RESTART = 🔁 Restart
ticket-type-FAKE_COMPLETION = ❓ Completed but not delivered
ticket-type-PAYMENT = 💳 Payment
ticket-type-OTHER = 💬 Other
ticket-ask-orders = Send the order number(s), e.g. 123 or 123, 124.
ticket-ask-message = Describe the problem in one message.
ticket-created = 🎫 Ticket #{ $id } opened.
ticket-admin-will-answer = An admin will answer here soon.
ticket-auto-label = 🤖 Automatic answer:
ticket-left-open = An admin will also look at this ticket.
ticket-out-canceled = Order #{ $id }: cancelled, { $refund } refunded to your balance.
ticket-out-cancel-requested = Order #{ $id }: we asked the provider to cancel it. If they cancel, the money is refunded automatically.
ticket-out-cannot-cancel = Order #{ $id } is { $status } and cannot be cancelled.
ticket-out-needs-admin = Order #{ $id } ({ $status }): an admin will handle it.
ticket-out-refill-requested = Order #{ $id }: refill requested (refill #{ $refill }).
ticket-out-refill-unsupported = Order #{ $id }: this service has no refill.
ticket-out-refill-not-completed = Order #{ $id } is { $status }; a refill is possible once it is completed.
ticket-out-refill-refused = Order #{ $id }: { $reason ->
    [refill_open] a refill is already in progress.
    [window_closed] the refill period ended on { $date }.
    [cap_reached] it has had all { $max } refills it can have.
    [cooldown] a refill was asked recently; please ask again in { $hours } h.
   *[other] a refill is not possible now.
}
ticket-out-progress = Order #{ $id }: { $status } · start count { $start } · delivered { $delivered } · remaining { $remains }.
ticket-admin-reply =
    💬 Answer to ticket #{ $id }:
    { $text }
btn-ticket-reply = ↩️ Reply
btn-ticket-close = ✅ Close ticket
ticket-reply-ask = Write your message for ticket #{ $id }.
ticket-reply-sent = ✅ Sent to the admins (ticket #{ $id }).
ticket-closed = Ticket #{ $id } closed.

## API key
apikey-title = 🔑 Your API keys:
apikey-line = { $prefix }… · created { $date }
apikey-none = 🔑 You have no API key. Resellers use it with the GraphQL API and the SMM panel API v2 (/api/v2).
apikey-new =
    🔑 Your new API key (shown only once, keep it secret):
    <code>{ $key }</code>
apikey-revoked = Your API keys were revoked.
btn-apikey-create = Create a key
btn-apikey-rotate = Rotate
btn-apikey-revoke = Revoke

## Notifications
notify-completed = ✅ Order #{ $id } completed · { $service } · { $quantity } · { $charge }
notify-completed-group = ✅ Your order is completed · 💎 { $quantity } diamonds · { $charge }
notify-partial = ◐ Order #{ $id } partly delivered · { $refund } refunded for the rest.
notify-canceled = ✖️ Order #{ $id } canceled · { $refund } refunded.
notify-provider-canceled =
    ⚠️ The provider cancelled order #{ $id } ({ $service } · { $quantity }), so it is "⏳ Pending" again.
    Your { $held } is held safely: an admin will send the order again or refund it in full to your balance. You will get a message either way.

## Groups
group-register-usage = Usage: /registergroup <rate per diamond> <credit limit> [service id]
group-registered = ✅ Group { $title } registered. Rate { $rate } per diamond, credit limit { $limit }. Members order with .10, .25, …
group-order-placed = ✅ Order #{ $id } · 💎 { $quantity } · { $charge } · ID { $player }
group-credit-exceeded = ❌ The group's credit limit is reached. Ask the group owner to settle the due.
group-player-set = ✅ Your player ID { $player } is saved. Now just .10 orders to this ID.

## Admin chat
admin-topup =
    💳 Top-up #{ $id }
    From: { $user }
    { $method } · { $amount }
    TrxID: { $trxId } · sender: { $sender }
btn-approve = ✅ Approve
btn-reject = ❌ Reject
btn-reject-typed = ✍️ Type a reason
admin-reject-prompt = Reply to this message with the reason for rejecting (the customer will see it).
admin-topup-auto = 🤖 Top-up #{ $id } approved by SMS: { $user } · { $method } { $amount } · TrxID { $trxId } (SMS #{ $sms })
admin-topup-approved = ✅ Approved by { $by }
admin-topup-rejected = ❌ Rejected by { $by } · reason: { $reason }
admin-order-manual =
    🆕 Manual order #{ $id }
    { $service } × { $quantity }
    For: { $user } · ID: { $link }
    { $charge } · { $notes }
admin-order-failed =
    ⚠️ Order #{ $id } failed: { $reason }
    { $service } × { $quantity } · { $user }
    Provider: { $provider }
    The money is held: resubmit it, or cancel and refund.
admin-order-unknown =
    ❓ Order #{ $id }: the provider may or may not have it.
    { $service } × { $quantity } · { $user }
    Provider: { $provider }
    Check the provider's panel before choosing.
admin-order-stuck =
    🐢 Order #{ $id } is stuck ({ $status }): { $reason }
    { $service } × { $quantity } · { $user }
admin-order-refill-rejected =
    ♻️ The provider rejected the refill of order #{ $id }: { $reason }
    { $service } × { $quantity } · { $user } · { $provider }
btn-take = 🙋 Take
btn-done = ✅ Done
btn-cancel-refund = ✖️ Cancel + refund
btn-resubmit = 🔁 Resubmit
btn-not-placed = 🔁 Not placed: resubmit
btn-not-placed-refund = ↩️ Not placed: cancel and refund
btn-sync = 🔄 Sync status
btn-placed-as = 🔢 Provider placed it as #…
admin-placed-prompt = Reply to this message with the provider's order id.
admin-order-moved = Order #{ $id } → { $status } ({ $by })
admin-status-PENDING = Pending
admin-status-SUBMITTING = Being sent to the provider
admin-status-FAILED = Failed (money held)
admin-status-UNKNOWN = Unknown (the provider may have it)
admin-status-IN_PROGRESS = In progress
admin-status-COMPLETED = Completed
admin-status-PARTIAL = Partial (rest refunded)
admin-status-CANCELED = Cancelled (refunded)
admin-reason-provider_canceled = the provider cancelled the order
admin-reason-provider_balance = the provider's balance is too low
admin-reason-provider_unreachable = the provider could not be reached
admin-reason-bad_link = the provider refused the link
admin-reason-service_inactive = the provider's service is switched off
admin-reason-duplicate_link = the provider has another active order for this link
admin-reason-bad_service = the provider does not know the service
admin-reason-bad_quantity = the provider refused the quantity
admin-reason-invalid_key = the provider's API key is wrong
admin-reason-no_provider = no active provider for this service
admin-reason-other = the provider refused the order
admin-reason-unknown = no answer from the provider
admin-reason-lease_expired = no answer while sending
admin-reason-pending_too_long = pending for too long
admin-reason-manual_in_progress = manual order in progress for too long
admin-reason-no_progress = no progress for too long
admin-reason-delivery_unconfirmed = completed, but the customer was not told
admin-ticket =
    🎫 Ticket #{ $id } · { $type } · { $status }
    From: { $user }
    Orders: { $orders }
ticket-status-OPEN = open
ticket-status-ANSWERED = answered
ticket-status-CLOSED = closed
admin-provider-refused = 🏷 The provider said: { $error }
admin-ticket-reply-hint = ↩️ Reply to this message to answer the customer.
admin-ticket-reply-sent = ✅ Answer sent (ticket #{ $id }).
admin-ticket-reply-failed = ⚠️ Saved; the customer could not be reached yet, it will be retried (ticket #{ $id }).
admin-provider-low = 💸 Provider { $provider }: balance { $balance } is below { $threshold }. Orders for it will fail until it is topped up.
admin-provider-recovered = 💰 Provider { $provider }: balance back to { $balance } (alert below { $threshold }).
admin-dashboard-link = 🔐 Your one-time dashboard login link (valid 10 minutes): { $url }
admin-dashboard-sent-privately = 🔐 I sent you the link in a private message.
admin-dashboard-admins-only = 🔐 The dashboard is for admins only.

## Errors
err-generic = ❌ That did not work. Please check and try again.
err-control-characters = ❌ Your message contains invisible control characters. Please send it again as plain text.
err-unexpected = ❌ Something went wrong on our side. Please try again in a minute.
err-refill-refused = { $reason ->
    [not_delivered] ❌ A refill is possible once the order is completed.
    [no_refill] ❌ This service has no refill.
    [refill_open] ⏳ A refill for this order is already in progress.
    [window_closed] ❌ The refill period of this order ended on { $date }.
    [cap_reached] ❌ This order has had all { $max } refills it can have.
    [cooldown] ⏳ A refill was asked recently: please ask again in { $hours } h.
   *[other] ❌ A refill is not possible for this order now.
}
err-provider-refused = ❌ The supplier refused it: { $providerError }
err-provider-unavailable = ⏳ The supplier cannot be reached right now. Please try again in a few minutes.
err-not-found = ❌ Not found: #{ $id }.
err-forbidden = ❌ This account cannot do that. Contact support.
err-invalid-state = ❌ This cannot be done in the order's current state.
err-insufficient-balance = ❌ Not enough balance: you have { $balance }, this needs { $required }.
err-link-invalid = ❌ That is not a valid link. Send the full address starting with https://
err-link-too-long = ❌ That link is too long.
err-link-wrong-platform = ❌ The link must be on { $platform }.
err-uid-invalid = ❌ The player ID must be 5 to 20 digits.
err-quantity-not-integer = ❌ Send a whole number from { $min } to { $max }, like 1000.
err-quantity-out-of-range = ❌ The quantity must be between { $min } and { $max }.
err-service-unknown = ❌ Unknown service.
err-service-unavailable = ❌ This service is not available right now.
err-charge-zero = ❌ That quantity is too small to order.
err-required = ❌ Something required is missing.
err-not-integer = ❌ Send a whole number.
err-too-many-lines = ❌ Too many lines for that quantity.
err-line-too-long = ❌ One line is too long.
err-dripfeed-unsupported = ❌ This service has no drip-feed.
err-extra-required = ❌ Please send the { $field ->
        [comments] comments, one per line
        [usernames] usernames, one per line
        [hashtags] hashtags, one per line
        [username] username
        [hashtag] hashtag
        [media] media link
        [answerNumber] answer number
       *[other] missing details
    }.
err-extra-invalid = ❌ That { $field ->
        [username] username
        [hashtag] hashtag
       *[other] value
    } is not valid. Send it without spaces, like @name or #tag.
err-quantity-lines-mismatch = ❌ The quantity must equal the number of lines ({ $count }).
err-price-changed = ⚠️ The price changed to { $price } in the meantime. Nothing was charged; please order again.
err-idempotency-key-invalid = ❌ That request was malformed.
err-idempotency-key-reused = ❌ That request was already used for another order.
err-mass-order-empty = ❌ No order lines found.
err-mass-order-too-long = ❌ At most { $max } lines per mass order.
err-mass-order-line-format = write it as: service_id | link | quantity
err-amount-invalid = ❌ Send the amount as a number, like 500.
err-amount-out-of-range = ❌ The amount must be between { $min } and { $max }.
err-method-invalid = ❌ Unknown payment method.
err-trxid-invalid = ❌ The TrxID must be 6 to 20 letters and digits.
err-trxid-used = ❌ This TrxID was already submitted. Each TrxID can be used once.
err-sender-number-invalid = ❌ Send a Bangladeshi mobile number, 11 digits, like 01712345678.
err-ticket-orders-required = ❌ Name at least one of your orders.
err-ticket-text-required = ❌ Please write a message.
err-ticket-text-too-long = ❌ Please keep it under { $max } characters.
err-ticket-too-many-orders = ❌ At most { $max } orders per ticket.
err-ticket-type-invalid = ❌ Unknown ticket type.
err-group-rate-invalid = ❌ The rate must be a positive number like 0.85.
err-group-credit-invalid = ❌ The credit limit must be a number like 5000.
err-group-service-invalid = ❌ Service #{ $serviceId } cannot take quick orders: it must be an active manual service (e.g. diamonds, priced per unit).
err-group-service-missing =
    ❌ There is no manual per-unit service (e.g. 💎 diamonds) yet, so the group cannot be registered.
    Create one in the dashboard (mode MANUAL, priced per unit), then send /registergroup again, or name it: /registergroup 0.85 5000 <service id>
err-player-id-required =
    💎 Which player ID? Send it with the order, e.g. .10 123456789
    It is remembered, so next time .10 is enough (change it with /playerid <ID>).
err-group-exists = ❌ This group is already registered.
err-name-too-long = ❌ That name is too long.

reseller-ask = 🤝 Resellers order through our API (GraphQL or the SMM panel API v2 at /api/v2) at reseller prices. Ask the admins for reseller access:
btn-reseller-request = 🤝 Request reseller access
reseller-requested = ✅ Your request was sent to the admins. You will get a message here when they decide.
reseller-granted = 🎉 You are now a reseller: your prices are reseller prices, and your API key can place orders (GraphQL and API v2). Open 🔑 API key to create one.
reseller-revoked = ℹ️ Your reseller access was taken back. You buy at customer prices again; your API key can no longer place orders.
reseller-rejected = ❌ Your request for reseller access was not approved. Contact support for details.
err-reseller-already = ℹ️ You already have reseller access.
err-reseller-request-pending = ⏳ Your request for reseller access is already with the admins.
admin-reseller-request =
    🤝 Reseller access requested
    User #{ $id }: { $user }
admin-reseller-approved = ✅ Reseller access granted by { $by }
admin-reseller-rejected = ❌ Rejected by { $by }
admin-reseller-usage = Usage: /reseller <user id or @username> on [discount %] | off | discount <percent>
admin-reseller-done = ✅ User #{ $id } ({ $user }): role { $role }, discount { $discount }%

# Telegram Stars and SMS-verified top-ups
method-STARS = ⭐ Stars
topup-stars-ask-amount = How much balance do you want to add with Telegram Stars? 1 ⭐ = { $rate }. From { $min } to { $max }.
stars-invoice-title = Balance top-up { $amount }
stars-invoice-description = { $amount } added to your shop balance for { $stars } ⭐.
stars-refund-usage = Usage: /refundstars <top-up number>
stars-refunded = ↩️ Stars top-up #{ $id } refunded: { $stars } ⭐ returned, { $amount } taken back from the balance.
admin-topup-stars = ⭐ Top-up #{ $id } paid with Stars: { $user } · { $amount } ({ $stars } ⭐)
err-invoice-invalid = ❌ This invoice is not valid any more. Start the top-up again.
err-invoice-outdated = ❌ The Stars price changed. Start the top-up again.

# Broadcasts (admins)
broadcast-ask-text = 📣 New broadcast. Send the message customers will get. Telegram formatting (bold, italic, links…) is kept. /cancel stops.
broadcast-ask-button = 🔗 Add a link button under it? Send: Button text | https://link — or tap Skip.
broadcast-bad-button = ❌ Write it as: Button text | https://link
broadcast-not-text = ❌ Send the message as text (photos are not supported yet).
broadcast-ask-audience = 👥 Who gets it?
broadcast-aud-ALL_CUSTOMERS = All customers
broadcast-aud-LANGUAGE = By language
broadcast-aud-ORDERED_RECENTLY = Ordered in the last N days
broadcast-aud-RESELLERS = Resellers
broadcast-aud-GROUP = One group
broadcast-aud-days = Ordered in the last { $days } days
broadcast-ask-language = Which language?
broadcast-ask-days = Customers who ordered in the last how many days? Send a number from 1 to 3650.
broadcast-ask-group = Which group's members?
broadcast-no-groups = ❌ No reseller group is registered. Pick another audience.
broadcast-preview-ready =
    👆 Preview sent to your private chat with the bot: check it there.
    Broadcast #{ $id }: { $audience }, { $count } customers now.
    Send it?
broadcast-canceled = ✖️ Broadcast #{ $id } canceled.
broadcast-btn-skip = Skip
broadcast-btn-send = 📤 Send
broadcast-btn-cancel = ✖️ Cancel
broadcast-btn-pause = ⏸ Pause
broadcast-btn-resume = ▶️ Resume
broadcast-progress-title = 📣 Broadcast #{ $id }: { $status }
broadcast-progress-counts = ✅ sent { $sent } · ❌ failed { $failed } · 🚫 blocked { $blocked } · ⏳ left { $left } (of { $total })
broadcast-progress-uncertain = ⚠️ { $uncertain } interrupted while sending: maybe not delivered, not resent.
broadcast-progress-skipped = ✖️ { $skipped } not sent (canceled).
broadcast-status-DRAFT = draft
broadcast-status-RUNNING = sending
broadcast-status-PAUSED = paused
broadcast-status-CANCELED = canceled
broadcast-status-DONE = finished
err-empty-text = ❌ The message is empty.
err-text-too-long = ❌ The message is too long (at most { $max } characters).
err-button-incomplete = ❌ A button needs both a text and a link.
err-button-text-too-long = ❌ The button text is too long (at most { $max } characters).
err-bad-button-url = ❌ The button link must start with https:// (or tg://).
err-telegram-refused = ❌ Telegram refused the message: { $telegram }
err-no-telegram-chat = ❌ The preview could not reach you: open a private chat with the bot, press Start, and try again.
err-telegram-busy = ⏳ Telegram asks us to wait { $seconds } s. Try again then.
err-telegram-disabled = ❌ Telegram is not configured, so nothing can be sent.
err-preview-required = ❌ Preview the message first.
err-empty-audience = ❌ Nobody is in this audience; nothing was sent.
err-bad-days = ❌ Send a whole number of days from { $min } to { $max }.
err-language-required = ❌ Pick the language.
err-group-required = ❌ Pick the group.
err-changed = ❌ It changed meanwhile; look again.
