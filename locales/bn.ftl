# panelbot — বাংলা লেখা (ডিফল্ট ভাষা)। এখানের প্রতিটি মেসেজ en.ftl-এও আছে (টেস্ট যাচাই করে)।

language-name = 🇧🇩 বাংলা

## মূল মেনু
menu-services = 🛒 সার্ভিস
menu-mass = 📦 একসাথে অর্ডার
menu-orders = 📋 আমার অর্ডার
menu-balance = 💰 ব্যালেন্স
menu-topup = ➕ টাকা যোগ করুন
menu-support = 🎫 সাপোর্ট
menu-language = 🌐 ভাষা
menu-apikey = 🔑 API কী

cmd-start = মূল মেনু
cmd-services = সার্ভিস দেখুন
cmd-mass = একসাথে অনেক অর্ডার
cmd-orders = আমার অর্ডার
cmd-balance = ব্যালেন্স ও লেনদেন
cmd-topup = টাকা যোগ করুন (বিকাশ / নগদ / রকেট)
cmd-support = সাপোর্ট টিকেট
cmd-language = ভাষা
cmd-apikey = রিসেলারদের API কী
cmd-cancel = চলমান কাজ বন্ধ করুন

cmd-dashboard = ব্যাক অফিসে লগইনের লিংক (অ্যাডমিন)
cmd-broadcast = গ্রাহকদের কাছে মেসেজ (অ্যাডমিন)
start-welcome =
    👋 স্বাগতম, { $name }! এখানে ফলোয়ার, লাইক, ভিউ আর গেম টপ-আপ অর্ডার করুন, ব্যালেন্স থেকে পেমেন্ট।
    নিচের মেনু ব্যবহার করুন।
unknown-input = বুঝতে পারিনি। নিচের মেনু ব্যবহার করুন।
conversation-expired = ♻️ বট আপডেট হয়েছে, আপনার আগের ধাপটি হারিয়ে গেছে। মেনু থেকে আবার শুরু করুন।
button-expired = এই বাটনটি আর কাজ করে না।
cancelled = বন্ধ করা হলো। আবার শুরু করতে মেনু ব্যবহার করুন।
hint-send-text = অনুগ্রহ করে উত্তরটি টেক্সট মেসেজে পাঠান।
hint-use-buttons = অনুগ্রহ করে উপরের বাটন থেকে বেছে নিন।

## ভাষা
language-choose = আপনার ভাষা বেছে নিন:
language-set = ✅ ভাষা বাংলা করা হয়েছে।

## ক্যাটালগ
catalogue-title = 🛒 একটি ক্যাটেগরি বেছে নিন:
catalogue-empty = এই মুহূর্তে কোনো সার্ভিস নেই।
category-services = { $name }: একটি সার্ভিস বেছে নিন।
service-details =
    🧾 #{ $id } { $name }
    💵 { $price }
    🔢 সর্বনিম্ন { $min } · সর্বোচ্চ { $max }
    ♻️ রিফিল: { $refill }

    { $description }
price-per-1000 = প্রতি ১০০০: { $price }
price-per-unit = প্রতিটি { $price }
price-per-package = প্রতি প্যাকেজ ({ $size }) { $price }
refill-days = সম্পন্ন হওয়ার পর { $days } দিন
refill-no = নেই
btn-order = 🛒 অর্ডার করুন
btn-back = ⬅️ পেছনে

## ডেলিভারির সময়ের হিসাব
estimate-line = ⏱ সাধারণত { $start }-এর মধ্যে শুরু হয়, সম্পন্ন হয় { $complete }-এ
estimate-not-enough = ⏱ সময়ের হিসাব দেওয়ার মতো যথেষ্ট সম্পন্ন অর্ডার এখনও হয়নি
estimate-min = { $n } মিনিট
estimate-h = { $n } ঘণ্টা
estimate-d = { $n } দিন
estimate-min-range = { $from }–{ $to } মিনিট
estimate-h-range = { $from }–{ $to } ঘণ্টা
estimate-d-range = { $from }–{ $to } দিন

## দেরি হওয়া অর্ডার
stuck-customer-pending-too-long = ⏳ অর্ডার #{ $id } ({ $service }) আমাদের সাপ্লায়ারের কাছে পৌঁছাতে স্বাভাবিকের চেয়ে বেশি সময় নিচ্ছে। আমরা দেখছি; আপনার টাকা নিরাপদ।
stuck-customer-unknown = ⏳ অর্ডার #{ $id } ({ $service }): সাপ্লায়ার অর্ডারটি পেয়েছে কি না আমরা যাচাই করছি। আপনার টাকা নিরাপদ।
stuck-customer-no-progress = ⏳ অর্ডার #{ $id } ({ $service }) কিছুক্ষণ ধরে সাপ্লায়ারের কাছে এগোচ্ছে না। ব্যস্ত সময়ে এমন হয়; আমরা নজর রাখছি।
btn-stuck-wait = ⏳ অপেক্ষা করব
btn-stuck-cancel = ✖️ বাতিল করে টাকা ফেরত
btn-stuck-ticket = 🎫 টিকিট খুলুন
stuck-wait-ok = 👍 আমরা নজর রাখছি, কাজ শেষ হলে মেসেজ পাবেন।
stuck-cancel-done = ✅ অর্ডার #{ $id } বাতিল হয়েছে। { $refund } আপনার ব্যালেন্সে ফেরত এসেছে।
stuck-cancel-requested = ⏳ অর্ডার #{ $id } বাতিল করতে সাপ্লায়ারকে বলা হয়েছে। তারা নিশ্চিত করলেই টাকা ফেরত আসবে।
stuck-cancel-refused = ❌ অর্ডার #{ $id } আর বাতিল করা যাবে না: এটি এখন { $status }।
stuck-cancel-checking = ❌ সাপ্লায়ারের কাছে অর্ডার #{ $id } আছে কি না আমরা এখনও যাচাই করছি; তা পরিষ্কার হলে বাতিল করা যাবে। দরকার হলে টিকিট খুলুন।

## অর্ডার
order-start = 🛒 { $service }
order-ask-link = লিংক পাঠান ({ $platform }), https:// দিয়ে শুরু।
order-ask-uid = প্লেয়ার আইডি পাঠান (শুধু সংখ্যা)।
order-ask-quantity = কতগুলো? { $min } থেকে { $max } এর মধ্যে একটি সংখ্যা পাঠান।
order-ask-comments = কমেন্টগুলো পাঠান, প্রতি লাইনে একটি ({ $min } থেকে { $max } লাইন)।
order-ask-comments-package = এই প্যাকেজের কমেন্টগুলো পাঠান, প্রতি লাইনে একটি।
order-ask-usernames = যাদের মেনশন করা হবে তাদের ইউজারনেম পাঠান, প্রতি লাইনে একটি।
order-ask-usernames-list = যাদের মেনশন করা হবে তাদের ইউজারনেম পাঠান, প্রতি লাইনে একটি ({ $min } থেকে { $max } লাইন)।
order-ask-hashtags = হ্যাশট্যাগগুলো পাঠান, প্রতি লাইনে একটি।
order-ask-username = ইউজারনেম পাঠান (যেমন @shopname)।
order-ask-hashtag = হ্যাশট্যাগ পাঠান (যেমন #dhaka)।
order-ask-media = যে পোস্টের লাইককারীদের মেনশন করা হবে তার লিংক পাঠান।
order-ask-answer-number = পোলের কোন উত্তর? তার নম্বর পাঠান (প্রথম উত্তরের জন্য ১)।
order-summary =
    📝 অর্ডারের সারাংশ
    সার্ভিস: { $service }
    লিংক / আইডি: { $link }
    পরিমাণ: { $quantity }
    মূল্য: { $price }
    আপনার ব্যালেন্স: { $balance }
order-low-balance = ⚠️ আপনার ব্যালেন্স ({ $balance }) মূল্যের ({ $price }) চেয়ে কম। আগে টাকা যোগ করুন, তারপর কনফার্ম চাপুন।
btn-confirm = ✅ কনফার্ম
btn-cancel = ✖️ বাতিল
order-placed = ✅ অর্ডার #{ $id } নেওয়া হয়েছে। ব্যালেন্স থেকে { $price } কাটা হয়েছে। কাজ শেষ হলে মেসেজ পাবেন।
order-already-placed = অর্ডার #{ $id } আগেই নেওয়া হয়েছে।
order-stale = এই সারাংশটি আর বৈধ নয়। অনুগ্রহ করে আবার অর্ডার শুরু করুন।
order-price-changed = ⚠️ এর মধ্যে মূল্য বদলে { $price } হয়েছে। কিছু কাটা হয়নি; আবার অর্ডার করুন।
order-cancelled = অর্ডার বাতিল হয়েছে। কিছু কাটা হয়নি।

## একসাথে অর্ডার
mass-ask =
    📦 প্রতি লাইনে একটি অর্ডার পাঠান:
    service_id | link | quantity
    উদাহরণ:
    ১২ | https://instagram.com/yourpage | ১০০০
mass-placed = ✅ অর্ডার নেওয়া হয়েছে: { $count }টি ({ $ids })। মোট { $total }।
mass-errors = ❌ কোনো অর্ডার হয়নি। এই লাইনগুলো ঠিক করুন:
mass-line-error = লাইন { $line }: { $error }
mass-try-again = ঠিক করা তালিকাটি আবার পাঠান, অথবা মেনু দিয়ে বন্ধ করুন।

## আমার অর্ডার
orders-title = 📋 আপনার অর্ডার (পৃষ্ঠা { $page } / { $pages })
orders-empty = আপনার এখনো কোনো অর্ডার নেই।
orders-none-with-status = এই অবস্থার কোনো অর্ডার নেই।
orders-all = 📋 সব
order-card =
    🧾 অর্ডার #{ $id } · { $service }
    { $status }
    পরিমাণ: { $quantity } · { $charge }
    শুরুর সংখ্যা: { $start }
    ডেলিভারি হয়েছে: { $delivered } · বাকি: { $remains }
order-card-refill-PENDING = ♻️ রিফিল চাওয়া হয়েছে, সাপ্লায়ারের অপেক্ষায়।
order-card-refill-IN_PROGRESS = ♻️ রিফিল চলছে।
order-card-refill-COMPLETED = ♻️ শেষ রিফিল সম্পন্ন হয়েছে।
order-card-refill-REJECTED = ♻️ সাপ্লায়ার রিফিল নেয়নি: { $reason }
order-card-refill-ERROR = ♻️ সাপ্লায়ারের কাছে রিফিল ব্যর্থ হয়েছে: { $reason }
order-card-refill-window-closed = ♻️ এই অর্ডারের রিফিলের সময় { $date } তারিখে শেষ হয়েছে।
order-card-refill-cap-reached = ♻️ এই অর্ডারে সর্বোচ্চ { $max } বার রিফিল নেওয়া হয়ে গেছে।
order-card-refill-cooldown = ♻️ পরের রিফিল { $hours } ঘণ্টা পরে চাওয়া যাবে।
btn-refill = ♻️ রিফিল
refill-requested = ♻️ রিফিল চাওয়া হয়েছে।
orders-line =
    #{ $id } · { $service }
    { $quantity } · { $charge } · { $status } · { $date }
status-PENDING = ⏳ পেন্ডিং
status-IN_PROGRESS = 🔄 চলমান
status-COMPLETED = ✅ সম্পন্ন
status-PARTIAL = ◐ আংশিক (বাকি টাকা ফেরত)
status-CANCELED = ✖️ বাতিল (টাকা ফেরত)

## ব্যালেন্স
balance-text = 💰 আপনার ব্যালেন্স: { $balance }
ledger-title = সাম্প্রতিক লেনদেন:
ledger-empty = এখনো কোনো লেনদেন নেই।
ledger-line = { $date } · { $kind } · { $amount } { $order }
ledger-kind-TOPUP = টপ-আপ
ledger-kind-TOPUP_BONUS = টপ-আপ বোনাস
ledger-kind-TOPUP_FEE = টপ-আপ ফি
ledger-kind-ORDER_CHARGE = অর্ডার
ledger-kind-REFUND = ফেরত
ledger-kind-ADJUSTMENT = সমন্বয়
ledger-kind-GROUP_SETTLEMENT = গ্রুপ পরিশোধ
topup-hint = ➕ টাকা যোগ করতে মেনুতে "টাকা যোগ করুন" চাপুন।

## টপ-আপ
topup-choose-method = ➕ কীভাবে টাকা পাঠাবেন?
method-BKASH = বিকাশ
method-NAGAD = নগদ
method-UPAY = উপায়
method-ROCKET = রকেট
topup-send-money =
    { $method } দিয়ে (সেন্ড মানি) এই নম্বরে টাকা পাঠান:
    📱 { $number }
    পরিমাণ: { $min } থেকে { $max }।
topup-ask-amount = কত টাকা পাঠিয়েছেন? (যেমন ৫০০)
topup-ask-sender = কোন নম্বর থেকে { $method } এ টাকা পাঠিয়েছেন? (যেমন ০১৭১২৩৪৫৬৭৮)
topup-ask-trxid = এখন { $method } এর ট্রানজেকশন আইডি (TrxID) পাঠান।
topup-waiting = ⏳ অনুরোধ #{ $id } পাওয়া গেছে: { $method } এ { $amount }, নম্বর { $sender }, TrxID { $trxId }। অ্যাডমিন যাচাই করবেন; অনুমোদনের পর ব্যালেন্সে যোগ হবে।
topup-approved = ✅ টপ-আপ #{ $id } অনুমোদিত: { $amount } যোগ হয়েছে। ব্যালেন্স: { $balance }।
topup-rejected = ❌ টপ-আপ #{ $id } ({ $amount }) বাতিল হয়েছে। কারণ: { $reason }। ভুল মনে হলে সাপোর্টে জানান।
topup-reject-reason-trx_not_found = এই TrxID এর কোনো লেনদেন পাওয়া যায়নি
topup-reject-reason-amount_mismatch = পাঠানো টাকার পরিমাণ মেলেনি
topup-reject-reason-wrong_number = প্রেরকের নম্বর মেলেনি
topup-reject-reason-duplicate = এই টাকা আগেই যোগ করা হয়েছে

## সাপোর্ট টিকেট
ticket-choose-type = 🎫 কী বিষয়ে সাহায্য দরকার?
ticket-type-REFILL = ♻️ রিফিল
ticket-type-CANCEL = ✖️ বাতিল
ticket-type-SPEED_UP = ⚡ দ্রুত করুন
ticket-type-RESTART = 🔁 আবার শুরু
ticket-type-FAKE_COMPLETION = ❓ সম্পন্ন দেখায় কিন্তু পাইনি
ticket-type-PAYMENT = 💳 পেমেন্ট
ticket-type-OTHER = 💬 অন্যান্য
ticket-ask-orders = অর্ডার নম্বর পাঠান, যেমন ১২৩ অথবা ১২৩, ১২৪।
ticket-ask-message = এক মেসেজে সমস্যাটি লিখুন।
ticket-created = 🎫 টিকেট #{ $id } খোলা হয়েছে।
ticket-admin-will-answer = একজন অ্যাডমিন শিগগিরই এখানে উত্তর দেবেন।
ticket-auto-label = 🤖 স্বয়ংক্রিয় উত্তর:
ticket-left-open = একজন অ্যাডমিনও টিকেটটি দেখবেন।
ticket-out-canceled = অর্ডার #{ $id }: বাতিল হয়েছে, { $refund } আপনার ব্যালেন্সে ফেরত।
ticket-out-cancel-requested = অর্ডার #{ $id }: প্রোভাইডারকে বাতিল করতে বলা হয়েছে। বাতিল হলে টাকা স্বয়ংক্রিয়ভাবে ফেরত আসবে।
ticket-out-cannot-cancel = অর্ডার #{ $id } এখন { $status }, তাই বাতিল করা যাবে না।
ticket-out-needs-admin = অর্ডার #{ $id } ({ $status }): একজন অ্যাডমিন দেখবেন।
ticket-out-refill-requested = অর্ডার #{ $id }: রিফিল অনুরোধ করা হয়েছে (রিফিল #{ $refill })।
ticket-out-refill-unsupported = অর্ডার #{ $id }: এই সার্ভিসে রিফিল নেই।
ticket-out-refill-not-completed = অর্ডার #{ $id } এখন { $status }; সম্পন্ন হলে রিফিল করা যাবে।
ticket-out-refill-refused = অর্ডার #{ $id }: { $reason ->
    [refill_open] একটি রিফিল এখন চলছে।
    [window_closed] রিফিলের সময় { $date } তারিখে শেষ হয়েছে।
    [cap_reached] সর্বোচ্চ { $max } বার রিফিল নেওয়া হয়ে গেছে।
    [cooldown] সম্প্রতি রিফিল চাওয়া হয়েছে; { $hours } ঘণ্টা পরে আবার চেষ্টা করুন।
   *[other] এখন রিফিল করা যাবে না।
}
ticket-out-progress = অর্ডার #{ $id }: { $status } · শুরুর সংখ্যা { $start } · দেওয়া হয়েছে { $delivered } · বাকি { $remains }।
ticket-admin-reply =
    💬 টিকেট #{ $id } এর উত্তর:
    { $text }
btn-ticket-reply = ↩️ উত্তর দিন
btn-ticket-close = ✅ টিকেট বন্ধ করুন
ticket-reply-ask = টিকেট #{ $id } এর জন্য আপনার মেসেজ লিখুন।
ticket-reply-sent = ✅ অ্যাডমিনদের কাছে পাঠানো হয়েছে (টিকেট #{ $id })।
ticket-closed = টিকেট #{ $id } বন্ধ করা হয়েছে।

## API কী
apikey-title = 🔑 আপনার API কী:
apikey-line = { $prefix }… · তৈরি { $date }
apikey-none = 🔑 আপনার কোনো API কী নেই। রিসেলাররা এটি GraphQL API ও SMM প্যানেল API v2 (/api/v2)-তে ব্যবহার করেন।
apikey-new =
    🔑 আপনার নতুন API কী (শুধু একবার দেখানো হবে, গোপন রাখুন):
    <code>{ $key }</code>
apikey-revoked = আপনার API কী বাতিল করা হয়েছে।
btn-apikey-create = কী তৈরি করুন
btn-apikey-rotate = নতুন কী নিন
btn-apikey-revoke = বাতিল করুন

## নোটিফিকেশন
notify-completed = ✅ অর্ডার #{ $id } সম্পন্ন হয়েছে · { $service } · { $quantity } · { $charge }
notify-completed-group = ✅ আপনার অর্ডার সম্পন্ন হয়েছে · 💎 { $quantity } ডায়মন্ড · { $charge }
notify-partial = ◐ অর্ডার #{ $id } আংশিক সম্পন্ন · বাকি অংশের { $refund } ফেরত দেওয়া হয়েছে।
notify-canceled = ✖️ অর্ডার #{ $id } বাতিল · { $refund } ফেরত দেওয়া হয়েছে।
notify-provider-canceled =
    ⚠️ অর্ডার #{ $id } ({ $service } · { $quantity }) প্রোভাইডার বাতিল করেছে, তাই এটি আবার "⏳ অপেক্ষমাণ"।
    আপনার { $held } নিরাপদে আটকে আছে: অ্যাডমিন অর্ডারটি আবার পাঠাবেন, না হলে পুরো টাকা ব্যালেন্সে ফেরত দেবেন। দুটোর যেকোনোটি হলে মেসেজ পাবেন।

## গ্রুপ
group-register-usage = ব্যবহার: /registergroup <প্রতি ডায়মন্ডের রেট> <ক্রেডিট লিমিট> [সার্ভিস আইডি]
group-registered = ✅ গ্রুপ { $title } নিবন্ধিত হয়েছে। রেট প্রতি ডায়মন্ড { $rate }, ক্রেডিট লিমিট { $limit }। সদস্যরা .১০, .২৫ … লিখে অর্ডার করবেন।
group-order-placed = ✅ অর্ডার #{ $id } · 💎 { $quantity } · { $charge } · আইডি { $player }
group-credit-exceeded = ❌ গ্রুপের ক্রেডিট লিমিট শেষ। গ্রুপের মালিককে বকেয়া পরিশোধ করতে বলুন।
group-player-set = ✅ আপনার প্লেয়ার আইডি { $player } সংরক্ষিত। এখন শুধু .১০ লিখলেই এই আইডিতে অর্ডার হবে।

## অ্যাডমিন চ্যাট
admin-topup =
    💳 টপ-আপ #{ $id }
    প্রেরক: { $user }
    { $method } · { $amount }
    TrxID: { $trxId } · নম্বর: { $sender }
btn-approve = ✅ অনুমোদন
btn-reject = ❌ বাতিল
btn-reject-typed = ✍️ কারণ লিখব
admin-reject-prompt = এই মেসেজের রিপ্লাইতে বাতিলের কারণ লিখুন (গ্রাহক এটি দেখবেন)।
admin-topup-auto = 🤖 টপ-আপ #{ $id } এসএমএস দিয়ে অনুমোদিত: { $user } · { $method } { $amount } · TrxID { $trxId } (এসএমএস #{ $sms })
admin-topup-approved = ✅ অনুমোদন করেছেন { $by }
admin-topup-rejected = ❌ বাতিল করেছেন { $by } · কারণ: { $reason }
admin-order-manual =
    🆕 ম্যানুয়াল অর্ডার #{ $id }
    { $service } × { $quantity }
    গ্রাহক: { $user } · আইডি: { $link }
    { $charge } · { $notes }
admin-order-failed =
    ⚠️ অর্ডার #{ $id } ব্যর্থ: { $reason }
    { $service } × { $quantity } · { $user }
    প্রোভাইডার: { $provider }
    টাকা আটকে রাখা আছে: আবার পাঠান, অথবা বাতিল করে ফেরত দিন।
admin-order-unknown =
    ❓ অর্ডার #{ $id }: প্রোভাইডার নিয়েছে কিনা জানা নেই।
    { $service } × { $quantity } · { $user }
    প্রোভাইডার: { $provider }
    বেছে নেওয়ার আগে প্রোভাইডারের প্যানেল দেখুন।
admin-order-stuck =
    🐢 অর্ডার #{ $id } আটকে আছে ({ $status }): { $reason }
    { $service } × { $quantity } · { $user }
admin-order-refill-rejected =
    ♻️ প্রোভাইডার অর্ডার #{ $id }-এর রিফিল নাকচ করেছে: { $reason }
    { $service } × { $quantity } · { $user } · { $provider }
btn-take = 🙋 নিলাম
btn-done = ✅ সম্পন্ন
btn-cancel-refund = ✖️ বাতিল + ফেরত
btn-resubmit = 🔁 আবার পাঠান
btn-not-placed = 🔁 প্রোভাইডারে নেই: আবার পাঠান
btn-not-placed-refund = ↩️ প্রোভাইডারে নেই: বাতিল ও টাকা ফেরত
btn-sync = 🔄 স্ট্যাটাস দেখুন
btn-placed-as = 🔢 প্রোভাইডারে আছে #…
admin-placed-prompt = এই মেসেজের রিপ্লাইতে প্রোভাইডারের অর্ডার আইডি লিখুন।
admin-order-moved = অর্ডার #{ $id } → { $status } ({ $by })
admin-status-PENDING = অপেক্ষমাণ
admin-status-SUBMITTING = প্রোভাইডারে পাঠানো হচ্ছে
admin-status-FAILED = ব্যর্থ (টাকা আটকে আছে)
admin-status-UNKNOWN = অনিশ্চিত (প্রোভাইডারে আছে কিনা জানা নেই)
admin-status-IN_PROGRESS = চলছে
admin-status-COMPLETED = সম্পন্ন
admin-status-PARTIAL = আংশিক (বাকি টাকা ফেরত)
admin-status-CANCELED = বাতিল (টাকা ফেরত)
admin-reason-provider_canceled = প্রোভাইডার অর্ডারটি বাতিল করেছে
admin-reason-provider_balance = প্রোভাইডারের ব্যালেন্স শেষ
admin-reason-provider_unreachable = প্রোভাইডারের সাথে যোগাযোগ হয়নি
admin-reason-bad_link = প্রোভাইডার লিংকটি গ্রহণ করেনি
admin-reason-service_inactive = প্রোভাইডারের সার্ভিস বন্ধ
admin-reason-duplicate_link = এই লিংকে প্রোভাইডারে আরেকটি অর্ডার চলছে
admin-reason-bad_service = প্রোভাইডার সার্ভিসটি চেনে না
admin-reason-bad_quantity = প্রোভাইডার পরিমাণটি গ্রহণ করেনি
admin-reason-invalid_key = প্রোভাইডারের API কী ভুল
admin-reason-no_provider = এই সার্ভিসের কোনো সক্রিয় প্রোভাইডার নেই
admin-reason-other = প্রোভাইডার অর্ডারটি নেয়নি
admin-reason-unknown = প্রোভাইডারের উত্তর পাওয়া যায়নি
admin-reason-lease_expired = পাঠানোর সময় উত্তর আসেনি
admin-reason-pending_too_long = অনেকক্ষণ ধরে অপেক্ষমাণ
admin-reason-manual_in_progress = ম্যানুয়াল অর্ডার অনেকক্ষণ ধরে চলছে
admin-reason-no_progress = অনেকক্ষণ কোনো অগ্রগতি নেই
admin-reason-delivery_unconfirmed = সম্পন্ন, কিন্তু গ্রাহককে জানানো যায়নি
admin-ticket =
    🎫 টিকেট #{ $id } · { $type } · { $status }
    গ্রাহক: { $user }
    অর্ডার: { $orders }
ticket-status-OPEN = খোলা
ticket-status-ANSWERED = উত্তর দেওয়া হয়েছে
ticket-status-CLOSED = বন্ধ
admin-provider-refused = 🏷 প্রোভাইডারের উত্তর: { $error }
admin-ticket-reply-hint = ↩️ গ্রাহককে উত্তর দিতে এই মেসেজের রিপ্লাই দিন।
admin-ticket-reply-sent = ✅ উত্তর পাঠানো হয়েছে (টিকেট #{ $id })।
admin-ticket-reply-failed = ⚠️ সংরক্ষিত হয়েছে; গ্রাহকের কাছে এখনো পৌঁছায়নি, আবার চেষ্টা করা হবে (টিকেট #{ $id })।
admin-provider-low = 💸 প্রোভাইডার { $provider }: ব্যালেন্স { $balance }, যা { $threshold } এর কম। রিচার্জ না হওয়া পর্যন্ত এর অর্ডার ব্যর্থ হবে।
admin-provider-recovered = 💰 প্রোভাইডার { $provider }: ব্যালেন্স আবার { $balance } (সতর্কসীমা { $threshold })।
admin-dashboard-link = 🔐 ড্যাশবোর্ডে লগইনের এককালীন লিংক (১০ মিনিট বৈধ): { $url }
admin-dashboard-sent-privately = 🔐 লিংকটি আপনাকে ব্যক্তিগত মেসেজে পাঠিয়েছি।
admin-dashboard-admins-only = 🔐 ড্যাশবোর্ড শুধু অ্যাডমিনদের জন্য।

## ত্রুটি
err-generic = ❌ হয়নি। যাচাই করে আবার চেষ্টা করুন।
err-control-characters = ❌ বার্তায় অদৃশ্য নিয়ন্ত্রণ-অক্ষর আছে। সাধারণ লেখা দিয়ে আবার পাঠান।
err-unexpected = ❌ আমাদের দিকে সমস্যা হয়েছে। এক মিনিট পর আবার চেষ্টা করুন।
err-refill-refused = { $reason ->
    [not_delivered] ❌ অর্ডার সম্পন্ন হলে তবেই রিফিল করা যাবে।
    [no_refill] ❌ এই সার্ভিসে রিফিল নেই।
    [refill_open] ⏳ এই অর্ডারের একটি রিফিল এখন চলছে।
    [window_closed] ❌ এই অর্ডারের রিফিলের সময় { $date } তারিখে শেষ হয়েছে।
    [cap_reached] ❌ এই অর্ডারে সর্বোচ্চ { $max } বার রিফিল নেওয়া হয়ে গেছে।
    [cooldown] ⏳ সম্প্রতি রিফিল চাওয়া হয়েছে: { $hours } ঘণ্টা পরে আবার চেষ্টা করুন।
   *[other] ❌ এই অর্ডারে এখন রিফিল করা যাবে না।
}
err-provider-refused = ❌ সাপ্লায়ার এটি নেয়নি: { $providerError }
err-provider-unavailable = ⏳ এখন সাপ্লায়ারের সাথে যোগাযোগ করা যাচ্ছে না। কয়েক মিনিট পরে আবার চেষ্টা করুন।
err-not-found = ❌ পাওয়া যায়নি: #{ $id }।
err-forbidden = ❌ এই অ্যাকাউন্ট দিয়ে এটি করা যাবে না। সাপোর্টে যোগাযোগ করুন।
err-invalid-state = ❌ অর্ডারের বর্তমান অবস্থায় এটি করা যাবে না।
err-insufficient-balance = ❌ ব্যালেন্স যথেষ্ট নয়: আছে { $balance }, দরকার { $required }।
err-link-invalid = ❌ লিংকটি সঠিক নয়। https:// দিয়ে শুরু পুরো ঠিকানা পাঠান।
err-link-too-long = ❌ লিংকটি অনেক লম্বা।
err-link-wrong-platform = ❌ লিংকটি { $platform } এর হতে হবে।
err-uid-invalid = ❌ প্লেয়ার আইডি ৫ থেকে ২০ অঙ্কের হতে হবে।
err-quantity-not-integer = ❌ { $min } থেকে { $max } এর মধ্যে একটি পূর্ণ সংখ্যা পাঠান, যেমন ১০০০।
err-quantity-out-of-range = ❌ পরিমাণ { $min } থেকে { $max } এর মধ্যে হতে হবে।
err-service-unknown = ❌ অজানা সার্ভিস।
err-service-unavailable = ❌ এই সার্ভিসটি এখন পাওয়া যাচ্ছে না।
err-charge-zero = ❌ এই পরিমাণ অর্ডারের জন্য খুব কম।
err-required = ❌ প্রয়োজনীয় তথ্য বাদ পড়েছে।
err-not-integer = ❌ একটি পূর্ণ সংখ্যা পাঠান।
err-too-many-lines = ❌ এই পরিমাণের জন্য লাইন বেশি হয়ে গেছে।
err-line-too-long = ❌ একটি লাইন অনেক লম্বা।
err-dripfeed-unsupported = ❌ এই সার্ভিসে ড্রিপ-ফিড নেই।
err-extra-required = ❌ অনুগ্রহ করে { $field ->
        [comments] কমেন্টগুলো পাঠান, প্রতি লাইনে একটি
        [usernames] ইউজারনেমগুলো পাঠান, প্রতি লাইনে একটি
        [hashtags] হ্যাশট্যাগগুলো পাঠান, প্রতি লাইনে একটি
        [username] ইউজারনেম পাঠান
        [hashtag] হ্যাশট্যাগ পাঠান
        [media] পোস্টের লিংক পাঠান
        [answerNumber] উত্তরের নম্বর পাঠান
       *[other] প্রয়োজনীয় তথ্য পাঠান
    }।
err-extra-invalid = ❌ { $field ->
        [username] ইউজারনেমটি
        [hashtag] হ্যাশট্যাগটি
       *[other] তথ্যটি
    } সঠিক নয়। স্পেস ছাড়া পাঠান, যেমন @name বা #tag।
err-quantity-lines-mismatch = ❌ পরিমাণ লাইনের সংখ্যার ({ $count }) সমান হতে হবে।
err-price-changed = ⚠️ এর মধ্যে মূল্য বদলে { $price } হয়েছে। কিছু কাটা হয়নি; আবার অর্ডার করুন।
err-idempotency-key-invalid = ❌ অনুরোধটি সঠিক নয়।
err-idempotency-key-reused = ❌ এই অনুরোধটি অন্য অর্ডারে ব্যবহার হয়েছে।
err-mass-order-empty = ❌ কোনো অর্ডার লাইন পাওয়া যায়নি।
err-mass-order-too-long = ❌ একবারে সর্বোচ্চ { $max } লাইন।
err-mass-order-line-format = এভাবে লিখুন: service_id | link | quantity
err-amount-invalid = ❌ পরিমাণ সংখ্যায় লিখুন, যেমন ৫০০।
err-amount-out-of-range = ❌ পরিমাণ { $min } থেকে { $max } এর মধ্যে হতে হবে।
err-method-invalid = ❌ অজানা পেমেন্ট মাধ্যম।
err-trxid-invalid = ❌ TrxID ৬ থেকে ২০টি অক্ষর ও সংখ্যার হতে হবে।
err-trxid-used = ❌ এই TrxID আগেই জমা দেওয়া হয়েছে। প্রতিটি TrxID একবারই ব্যবহার করা যায়।
err-sender-number-invalid = ❌ বাংলাদেশি মোবাইল নম্বর পাঠান, ১১ অঙ্কের, যেমন ০১৭১২৩৪৫৬৭৮।
err-ticket-orders-required = ❌ অন্তত একটি অর্ডার নম্বর দিন।
err-ticket-text-required = ❌ অনুগ্রহ করে একটি মেসেজ লিখুন।
err-ticket-text-too-long = ❌ অনুগ্রহ করে { $max } অক্ষরের মধ্যে লিখুন।
err-ticket-too-many-orders = ❌ এক টিকেটে সর্বোচ্চ { $max }টি অর্ডার।
err-ticket-type-invalid = ❌ অজানা টিকেটের ধরন।
err-group-rate-invalid = ❌ রেট একটি ধনাত্মক সংখ্যা হতে হবে, যেমন ০.৮৫।
err-group-credit-invalid = ❌ ক্রেডিট লিমিট একটি সংখ্যা হতে হবে, যেমন ৫০০০।
err-group-service-invalid = ❌ সার্ভিস #{ $serviceId } কুইক অর্ডারের জন্য চলবে না: এটি সক্রিয় ম্যানুয়াল সার্ভিস হতে হবে (যেমন ডায়মন্ড, প্রতি পিস দাম)।
err-group-service-missing =
    ❌ এখনো কোনো ম্যানুয়াল প্রতি-পিস সার্ভিস (যেমন 💎 ডায়মন্ড) নেই, তাই গ্রুপ নিবন্ধন করা যাচ্ছে না।
    ড্যাশবোর্ডে একটি সার্ভিস তৈরি করুন (মোড MANUAL, দাম প্রতি পিস), তারপর আবার /registergroup পাঠান, অথবা সার্ভিস আইডি দিন: /registergroup ০.৮৫ ৫০০০ <সার্ভিস আইডি>
err-player-id-required =
    💎 কোন প্লেয়ার আইডিতে পাঠাব? আইডিসহ আবার লিখুন, যেমন .১০ ১২৩৪৫৬৭৮৯
    আইডিটি মনে রাখা হবে, পরের বার শুধু .১০ লিখলেই হবে (বদলাতে: /playerid <আইডি>)।
err-group-exists = ❌ এই গ্রুপটি আগেই নিবন্ধিত।
err-name-too-long = ❌ নামটি অনেক লম্বা।

reseller-ask = 🤝 রিসেলাররা আমাদের API (GraphQL অথবা /api/v2 তে SMM প্যানেল API v2) দিয়ে রিসেলার দামে অর্ডার করেন। রিসেলার অ্যাক্সেসের জন্য অ্যাডমিনদের কাছে অনুরোধ পাঠান:
btn-reseller-request = 🤝 রিসেলার অ্যাক্সেস চাই
reseller-requested = ✅ আপনার অনুরোধ অ্যাডমিনদের কাছে পাঠানো হয়েছে। সিদ্ধান্ত হলে এখানেই জানানো হবে।
reseller-granted = 🎉 আপনি এখন রিসেলার: আপনার দাম এখন রিসেলার দাম, আর আপনার API কী দিয়ে অর্ডার করা যাবে (GraphQL ও API v2)। কী তৈরি করতে 🔑 API কী খুলুন।
reseller-revoked = ℹ️ আপনার রিসেলার অ্যাক্সেস তুলে নেওয়া হয়েছে। আবার সাধারণ দামে কিনবেন; API কী দিয়ে আর অর্ডার করা যাবে না।
reseller-rejected = ❌ আপনার রিসেলার অ্যাক্সেসের অনুরোধ অনুমোদন হয়নি। বিস্তারিত জানতে সাপোর্টে যোগাযোগ করুন।
err-reseller-already = ℹ️ আপনার আগে থেকেই রিসেলার অ্যাক্সেস আছে।
err-reseller-request-pending = ⏳ আপনার রিসেলার অ্যাক্সেসের অনুরোধ ইতিমধ্যে অ্যাডমিনদের কাছে আছে।
admin-reseller-request =
    🤝 রিসেলার অ্যাক্সেসের অনুরোধ
    ইউজার #{ $id }: { $user }
admin-reseller-approved = ✅ রিসেলার অ্যাক্সেস দিয়েছেন { $by }
admin-reseller-rejected = ❌ বাতিল করেছেন { $by }
admin-reseller-usage = ব্যবহার: /reseller <ইউজার আইডি বা @username> on [ছাড় %] | off | discount <শতাংশ>
admin-reseller-done = ✅ ইউজার #{ $id } ({ $user }): রোল { $role }, ছাড় { $discount }%

# Telegram Stars and SMS-verified top-ups
method-STARS = ⭐ স্টারস
topup-stars-ask-amount = টেলিগ্রাম স্টারস দিয়ে কত টাকা ব্যালেন্স যোগ করবেন? ১ ⭐ = { $rate }। { $min } থেকে { $max }।
stars-invoice-title = ব্যালেন্স টপ-আপ { $amount }
stars-invoice-description = { $stars } ⭐ দিয়ে আপনার ব্যালেন্সে { $amount } যোগ হবে।
stars-refund-usage = ব্যবহার: /refundstars <টপ-আপ নম্বর>
stars-refunded = ↩️ স্টারস টপ-আপ #{ $id } ফেরত: { $stars } ⭐ ফেরত গেছে, ব্যালেন্স থেকে { $amount } কাটা হয়েছে।
admin-topup-stars = ⭐ টপ-আপ #{ $id } স্টারস দিয়ে: { $user } · { $amount } ({ $stars } ⭐)
err-invoice-invalid = ❌ এই ইনভয়েসটি আর বৈধ নয়। আবার টপ-আপ শুরু করুন।
err-invoice-outdated = ❌ স্টারসের দাম বদলে গেছে। আবার টপ-আপ শুরু করুন।

# ব্রডকাস্ট (অ্যাডমিন)
broadcast-ask-text = 📣 নতুন ব্রডকাস্ট। গ্রাহকদের যে মেসেজ যাবে সেটি পাঠান। টেলিগ্রামের ফরম্যাটিং (বোল্ড, ইটালিক, লিংক…) থাকবে। থামাতে /cancel।
broadcast-ask-button = 🔗 নিচে একটি লিংক বাটন দেবেন? পাঠান: বাটনের লেখা | https://লিংক — অথবা বাদ দিন চাপুন।
broadcast-bad-button = ❌ এভাবে লিখুন: বাটনের লেখা | https://লিংক
broadcast-not-text = ❌ মেসেজটি লেখা হিসেবে পাঠান (ছবি এখনো সমর্থিত নয়)।
broadcast-ask-audience = 👥 কারা পাবেন?
broadcast-aud-ALL_CUSTOMERS = সব গ্রাহক
broadcast-aud-LANGUAGE = ভাষা অনুযায়ী
broadcast-aud-ORDERED_RECENTLY = গত N দিনে অর্ডার করেছেন
broadcast-aud-RESELLERS = রিসেলার
broadcast-aud-GROUP = একটি গ্রুপ
broadcast-aud-days = গত { $days } দিনে অর্ডার করেছেন
broadcast-ask-language = কোন ভাষা?
broadcast-ask-days = গত কত দিনে অর্ডার করা গ্রাহক? ১ থেকে ৩৬৫০ এর মধ্যে একটি সংখ্যা পাঠান।
broadcast-ask-group = কোন গ্রুপের সদস্যরা?
broadcast-no-groups = ❌ কোনো রিসেলার গ্রুপ নিবন্ধিত নেই। অন্য দর্শক বেছে নিন।
broadcast-preview-ready =
    👆 প্রিভিউ বটের সাথে আপনার প্রাইভেট চ্যাটে পাঠানো হয়েছে: সেখানে দেখে নিন।
    ব্রডকাস্ট #{ $id }: { $audience }, এখন { $count } জন গ্রাহক।
    পাঠাবেন?
broadcast-canceled = ✖️ ব্রডকাস্ট #{ $id } বাতিল।
broadcast-btn-skip = বাদ দিন
broadcast-btn-send = 📤 পাঠান
broadcast-btn-cancel = ✖️ বাতিল
broadcast-btn-pause = ⏸ থামান
broadcast-btn-resume = ▶️ আবার চালু
broadcast-progress-title = 📣 ব্রডকাস্ট #{ $id }: { $status }
broadcast-progress-counts = ✅ পাঠানো { $sent } · ❌ ব্যর্থ { $failed } · 🚫 ব্লক করেছেন { $blocked } · ⏳ বাকি { $left } (মোট { $total })
broadcast-progress-uncertain = ⚠️ { $uncertain } জনের কাছে পাঠানোর মাঝখানে থেমে গিয়েছিল: হয়তো পৌঁছায়নি, আবার পাঠানো হয়নি।
broadcast-progress-skipped = ✖️ { $skipped } জনকে পাঠানো হয়নি (বাতিল)।
broadcast-status-DRAFT = খসড়া
broadcast-status-RUNNING = পাঠানো হচ্ছে
broadcast-status-PAUSED = থামানো
broadcast-status-CANCELED = বাতিল
broadcast-status-DONE = শেষ
err-empty-text = ❌ মেসেজটি খালি।
err-text-too-long = ❌ মেসেজটি অনেক লম্বা (সর্বোচ্চ { $max } অক্ষর)।
err-button-incomplete = ❌ বাটনের জন্য লেখা ও লিংক দুটোই লাগবে।
err-button-text-too-long = ❌ বাটনের লেখা অনেক লম্বা (সর্বোচ্চ { $max } অক্ষর)।
err-bad-button-url = ❌ বাটনের লিংক https:// (অথবা tg://) দিয়ে শুরু হতে হবে।
err-telegram-refused = ❌ টেলিগ্রাম মেসেজটি নেয়নি: { $telegram }
err-no-telegram-chat = ❌ প্রিভিউ আপনার কাছে পৌঁছায়নি: বটের সাথে প্রাইভেট চ্যাট খুলে Start চাপুন, তারপর আবার চেষ্টা করুন।
err-telegram-busy = ⏳ টেলিগ্রাম { $seconds } সেকেন্ড অপেক্ষা করতে বলছে। তারপর আবার চেষ্টা করুন।
err-telegram-disabled = ❌ টেলিগ্রাম কনফিগার করা নেই, তাই কিছু পাঠানো যাবে না।
err-preview-required = ❌ আগে মেসেজটির প্রিভিউ দেখুন।
err-empty-audience = ❌ এই দর্শকে কেউ নেই; কিছু পাঠানো হয়নি।
err-bad-days = ❌ { $min } থেকে { $max } এর মধ্যে দিনের সংখ্যা পাঠান।
err-language-required = ❌ ভাষা বেছে নিন।
err-group-required = ❌ গ্রুপ বেছে নিন।
err-changed = ❌ এর মধ্যে বদলে গেছে; আবার দেখুন।
