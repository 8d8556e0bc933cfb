// Payment SMS corpus: the texts bKash, Nagad, Rocket and Upay send, in English and Bengali, and
// texts that must never credit. Each sample names where its format was found. Sources:
//  S1  github.com/mdsajib1473/expense-tracker-bd — app/src/test/java/com/sajib/smsexpensetracker/parser/institutions/BkashParserTest.kt
//      ("every body string here is a real bKash SMS, taken from the project's own transaction history")
//  S2  github.com/mrahmann0010/Nihonova-Payment-Gateway — README.md and src/services/rocketParser.js
//      (a webhook fed by "Incoming SMS to URL Forwarder"; bKash, Nagad and Rocket examples)
//  S3  github.com/md-riaz/HisabBox — docs/SMS_FORMATS.md
//  S4  a public vitest suite "SMS Parser: Bengali & English Numeral Formats" (parseMfsSms, package
//      @denaneya/payment-core; found by code search, repository not shown by the index) — the only
//      Bengali-language bKash/Nagad/Rocket/Upay texts found
//  S5  a public PHP test SmsVerificationService test_can_extract_nagad_sms_fields (code search)
//  S6  a public TS test "parses Nagad money received as income" (parseMfsSms, code search)
//  S7  a public "Android SMS Simulator & MFS Relay" app (GATEWAYS templates, code search)
//  S8  a public relay app's mock Rocket SMS ("Cash-In from A/C: ***1234 …", code search)
//  S9  a public Kotlin parser test's Sample list ("nagad_received", masked sender, code search)
//  C   constructed here (a variant the sources above describe but do not print verbatim); says which.
// Where two samples of one source shared a TrxID, one TrxID was changed so each (method, TrxID) is
// distinct in the corpus; the note says so.
import type { IncomingPayment } from "../../src/payments/sms/types.js";

export interface CreditingSample {
  source: string;
  sender: string;
  text: string;
  expect: IncomingPayment;
}

export interface IgnoredSample {
  source: string;
  sender: string;
  text: string;
  reason: "unknown_sender" | "not_incoming" | "unreadable";
}

const pay = (p: Omit<IncomingPayment, "counterparty" | "printedTime"> & Partial<IncomingPayment>): IncomingPayment => ({
  counterparty: null,
  printedTime: null,
  ...p,
});

export const CREDITING: CreditingSample[] = [
  // ── bKash, English ────────────────────────────────────────────────────────
  { source: "S1", sender: "bKash", text: "You have received Tk 5,075.00 from 01735814791. Fee Tk 0.00. Balance Tk 6,075.50. TrxID BLU1H6X87P at 30/12/2024 13:22",
    expect: pay({ method: "BKASH", kind: "send_money", amount: "5075.00", trxId: "BLU1H6X87P", counterparty: "01735814791", printedTime: "30/12/2024 13:22" }) },
  { source: "S1 (no space before Ref)", sender: "bKash", text: "You have received Tk 20,172.00 from 01815474012.Ref jazakallah vai. Fee Tk 0.00. Balance Tk 20,329.00. TrxID CAK845MSGS at 20/01/2025 10:53",
    expect: pay({ method: "BKASH", kind: "send_money", amount: "20172.00", trxId: "CAK845MSGS", counterparty: "01815474012", printedTime: "20/01/2025 10:53" }) },
  { source: "S1 (business sender, no fee)", sender: "bKash", text: "You have received Tk 63.00 from OnnorokomWeb. Balance Tk 1,082.65. TrxID DE971UR13F at 09/05/2026 21:32",
    expect: pay({ method: "BKASH", kind: "send_money", amount: "63.00", trxId: "DE971UR13F", counterparty: "OnnorokomWeb", printedTime: "09/05/2026 21:32" }) },
  { source: "S1 (bank deposit)", sender: "bKash", text: "You have received a deposit of Tk 1,000.00 from Sonali Bank Account. Fee Tk 0.00. Balance Tk 1,140.34. TrxID CGJ2RQENX4 at 19/07/2025 15:43",
    expect: pay({ method: "BKASH", kind: "deposit", amount: "1000.00", trxId: "CGJ2RQENX4", counterparty: "Sonali Bank Account", printedTime: "19/07/2025 15:43" }) },
  { source: "S1 (cash in with promo tail)", sender: "bKash", text: "Cash In Tk 1,000.00 from 01835908735 successful. Fee Tk 0.00. Balance Tk 1,607.90. TrxID CK710WRNDB at 07/11/2025 22:21. Download App: https://bKa.sh/8app",
    expect: pay({ method: "BKASH", kind: "cash_in", amount: "1000.00", trxId: "CK710WRNDB", counterparty: "01835908735", printedTime: "07/11/2025 22:21" }) },
  { source: "S2 README (Send Money received, wrapped over two lines)", sender: "bKash", text: "You have received Tk 500.00 from 01712345678. Fee Tk 0.00.\nBalance Tk 1,200.00. TrxID AB1234CDEF at 08/06/2026 14:32",
    expect: pay({ method: "BKASH", kind: "send_money", amount: "500.00", trxId: "AB1234CDEF", counterparty: "01712345678", printedTime: "08/06/2026 14:32" }) },
  { source: "S2 README (Cash In deposit in BDT; the README's TrxID is a placeholder, replaced)", sender: "BKASH", text: "You have received a deposit of BDT 30,000 from CZB. Fee BDT 0.00.\nBalance BDT 200,000. TrxID DG3K8WQ2ZP at 08/06/2026 14:32",
    expect: pay({ method: "BKASH", kind: "deposit", amount: "30000", trxId: "DG3K8WQ2ZP", counterparty: "CZB", printedTime: "08/06/2026 14:32" }) },
  { source: "S2 README (iBanking deposit)", sender: "bKash", text: "You have received deposit from iBanking of Tk 99.00 from Prime Bank.\nFee Tk 0.00. Balance Tk 23,324.44. TrxID DF844EE7SM at 08/06/2026 21:41",
    expect: pay({ method: "BKASH", kind: "deposit", amount: "99.00", trxId: "DF844EE7SM", counterparty: "Prime Bank", printedTime: "08/06/2026 21:41" }) },
  { source: "S3 (no space after Tk, ISO time)", sender: "bKash", text: "You have received Tk2,000.00 from 01798765432. TrxID DEF456GHI at 2024-01-02 14:30:00. Balance Tk7,000.00",
    expect: pay({ method: "BKASH", kind: "send_money", amount: "2000.00", trxId: "DEF456GHI", counterparty: "01798765432", printedTime: "2024-01-02 14:30:00" }) },
  { source: "S3 (cash in at an agent)", sender: "bKash", text: "Cash In Tk3,000.00 successful at Agent 12345. Fee Tk15.00. TrxID UVW456XYZ at 2024-01-05 09:00:00. Balance Tk8,740.00",
    expect: pay({ method: "BKASH", kind: "cash_in", amount: "3000.00", trxId: "UVW456XYZ", printedTime: "2024-01-05 09:00:00" }) },
  { source: "S4 (merchant payment received, Bengali digits)", sender: "bKash", text: "Payment Tk ১,২৫০.০০ received from ০১৭১২৩৪৫৬৭৮. Ref ১০২. Fee Tk ০.০০. Balance Tk ১৫,৪৫০.০০. TrxID 9K38AL90 at ১৩/০৯/২০২৬ ২২:১০",
    expect: pay({ method: "BKASH", kind: "payment", amount: "1250.00", trxId: "9K38AL90", counterparty: "01712345678", printedTime: "13/09/2026 22:10" }) },
  // ── bKash, Bengali ────────────────────────────────────────────────────────
  { source: "S4 (Bengali payment received; TrxID changed from 9K38AL90)", sender: "bKash", text: "আপনি ০১৭১২৩৪৫৬৭৮ থেকে Tk ১,২৫০.০০ পেমেন্ট পেয়েছেন। রেফারেন্স ১০২। ফি Tk ০.০০। ব্যালেন্স Tk ১৫,৪৫০.০০। TrxID 9K38AL91 সময় ১৩/০৯/২০২৬ ২২:১০",
    expect: pay({ method: "BKASH", kind: "payment", amount: "1250.00", trxId: "9K38AL91", counterparty: "01712345678", printedTime: "13/09/2026 22:10" }) },
  { source: "S4 (Bengali cash in)", sender: "bKash", text: "ক্যাশ ইন Tk ৩,০০০.০০ থেকে ০১৭১১২২৩৩৪ সফল। ফি Tk ০.০০। ব্যালেন্স Tk ১৮,৪৫০.০০। TrxID 8B9C0D1E সময় ১৩/০৯/২০২৬ ২৩:০০",
    expect: pay({ method: "BKASH", kind: "cash_in", amount: "3000.00", trxId: "8B9C0D1E", counterparty: "0171122334", printedTime: "13/09/2026 23:00" }) },
  { source: "C (S4's Bengali Send Money received with the ৳ sign and 'নম্বর থেকে')", sender: "bKash", text: "আপনি ০১৮১৫৪৭৪০১২ নম্বর থেকে ৳২,৫০০.০০ পেয়েছেন। ফি ৳০.০০। ব্যালেন্স ৳৩,১০০.০০। TrxID DGB7K2M9QX সময় ০৫/১১/২০২৬ ১৮:৪০",
    expect: pay({ method: "BKASH", kind: "send_money", amount: "2500.00", trxId: "DGB7K2M9QX", counterparty: "01815474012", printedTime: "05/11/2026 18:40" }) },
  // ── Nagad, English ────────────────────────────────────────────────────────
  { source: "S2 README (one field a line)", sender: "NAGAD", text: "Money Received.\nAmount: Tk 99.00\nSender: 01634358056\nRef: Saom\nTxnID: 75HKUOBF\nBalance: Tk 1289.43\n08/06/2026 19:00",
    expect: pay({ method: "NAGAD", kind: "send_money", amount: "99.00", trxId: "75HKUOBF", counterparty: "01634358056", printedTime: "08/06/2026 19:00" }) },
  { source: "S6 (one line)", sender: "Nagad", text: "Money Received. Amount: Tk 5000.00 Sender: 01898765432 Ref: N/A TxnID: 71A2B3C4 Balance: Tk 7,010.00 04/10/2026 20:15",
    expect: pay({ method: "NAGAD", kind: "send_money", amount: "5000.00", trxId: "71A2B3C4", counterparty: "01898765432", printedTime: "04/10/2026 20:15" }) },
  { source: "S5 (full stops after fields, 'New Balance')", sender: "NAGAD", text: "Money Received. Amount: Tk 2,400.00. Sender: 01987654321. TxnID: 76HG89NM. New Balance: Tk 8,900.00.",
    expect: pay({ method: "NAGAD", kind: "send_money", amount: "2400.00", trxId: "76HG89NM", counterparty: "01987654321" }) },
  { source: "S9 (masked sender number)", sender: "NAGAD", text: "Money Received. Amount: Tk 3,000.00 Sender: 019XXXXXX33 Ref: NGD55667 Balance: Tk 5,120.75 TxnID: NGD55667 13/05/2026 11:42",
    expect: pay({ method: "NAGAD", kind: "send_money", amount: "3000.00", trxId: "NGD55667", counterparty: "019XXXXXX33", printedTime: "13/05/2026 11:42" }) },
  { source: "C (S2's Rocket text with the account masked by X, as S9 masks Nagad's)", sender: "16216", text: "Tk1,250.00 received from A/C:017XXXXXX89 Fee:Tk0, Your A/C Balance: Tk2,395.85 TxnId:6606781999 Date:09-JUN-26 10:02:11 pm.",
    expect: pay({ method: "ROCKET", kind: "send_money", amount: "1250.00", trxId: "6606781999", counterparty: "017XXXXXX89", printedTime: "09-JUN-26 10:02:11 pm" }) },
  { source: "S3 ('Received Tk … Trx.ID')", sender: "NAGAD", text: "Received Tk 3,500.00 from 01998765432. Trx.ID: BCD789EFG at 2024-01-06 11:30:00. Balance: Tk 8,020.00",
    expect: pay({ method: "NAGAD", kind: "send_money", amount: "3500.00", trxId: "BCD789EFG", counterparty: "01998765432", printedTime: "2024-01-06 11:30:00" }) },
  { source: "S7 (cash_in template)", sender: "NAGAD", text: "Cash In of Tk 1,500.00 from 01711000000 is successful. TxnID: 7K2M9QXA. Balance: Tk 2,500.00. Date: 10/10/2026 10:10",
    expect: pay({ method: "NAGAD", kind: "cash_in", amount: "1500.00", trxId: "7K2M9QXA", counterparty: "01711000000", printedTime: "10/10/2026 10:10" }) },
  // ── Nagad, Bengali ────────────────────────────────────────────────────────
  { source: "S4 (Bengali money received)", sender: "NAGAD", text: "টাকা পেয়েছেন। পরিমাণ: Tk ২,৫০০.০০। প্রেরক: ০১৭১১২২৩৩৪৪। TxnID: 83M5B88Y। ফি: Tk ০.০০। ব্যালেন্স: Tk ২৭,০০০.০০। তারিখ: ১৩/০৯/২০২৬ ২১:৩০",
    expect: pay({ method: "NAGAD", kind: "send_money", amount: "2500.00", trxId: "83M5B88Y", counterparty: "01711223344", printedTime: "13/09/2026 21:30" }) },
  { source: "S4 (Bengali cash in from an uddokta)", sender: "NAGAD", text: "ক্যাশ ইন। পরিমাণ: Tk ৪,০০০.০০। উদ্যোক্তা: ০১৬১২৩৪৫৬৭৮। TxnID: 61H2W33Q। ফি: Tk ০.০০। ব্যালেন্স: Tk ২৭,৯৫৫.১৮। তারিখ: ১৩/০৯/২০২৬ ২২:১৫",
    expect: pay({ method: "NAGAD", kind: "cash_in", amount: "4000.00", trxId: "61H2W33Q", counterparty: "01612345678", printedTime: "13/09/2026 22:15" }) },
  // ── Rocket, English ───────────────────────────────────────────────────────
  { source: "S2 rocketParser.js (masked account, 12-hour clock)", sender: "16216", text: "Tk99.00 received from A/C:***515 Fee:Tk0, Your A/C Balance: Tk1,145.85\nTxnId:6606781284 Date:08-JUN-26 06:21:43 am. Download https://bit.ly/nexuspay",
    expect: pay({ method: "ROCKET", kind: "send_money", amount: "99.00", trxId: "6606781284", counterparty: "***515", printedTime: "08-JUN-26 06:21:43 am" }) },
  { source: "S3", sender: "16216", text: "Tk 2,500.00 received from 01898765432. TxnID: XYZ901ABC at 2024-01-10 15:30:00. Balance: Tk 8,992.00",
    expect: pay({ method: "ROCKET", kind: "send_money", amount: "2500.00", trxId: "XYZ901ABC", counterparty: "01898765432", printedTime: "2024-01-10 15:30:00" }) },
  { source: "S4 (12-digit account, Bengali digits)", sender: "16216", text: "Tk ১,২০০.০০ received from A/C: ০১৭১২৩৪৫৬৭৮৯. Fee Tk০.০০. Balance: Tk ১৫,৪০০.০০. TxnId: 2847192841. Date: 13-SEP-26 21:30:15",
    expect: pay({ method: "ROCKET", kind: "send_money", amount: "1200.00", trxId: "2847192841", counterparty: "017123456789", printedTime: "13-SEP-26 21:30:15" }) },
  { source: "S8 (cash in; TxnId was a variable there)", sender: "16216", text: "Cash-In from A/C: ***1234 Tk1500.00 Fee: Tk.00, Your A/C Balance: Tk4500.00.TxnId:4451239870 Date:17-JUL-26 09:00:00 pm.",
    expect: pay({ method: "ROCKET", kind: "cash_in", amount: "1500.00", trxId: "4451239870", counterparty: "***1234", printedTime: "17-JUL-26 09:00:00 pm" }) },
  // ── Rocket, Bengali ───────────────────────────────────────────────────────
  { source: "S4 (Bengali received, Bengali month; TxnId changed from 2847192841)", sender: "Rocket", text: "A/C: ০১৭১২৩৪৫৬৭৮৯ থেকে Tk ১,২০০.০০ পেয়েছেন। ফি Tk ০.০০। ব্যালেন্স: Tk ১৫,৪০০.০০। TxnId: 2847192842। তারিখ: ১৩-সেপ্টেম্বর-২৬ ২১:৩০:১৫",
    expect: pay({ method: "ROCKET", kind: "send_money", amount: "1200.00", trxId: "2847192842", counterparty: "017123456789", printedTime: "13-সেপ্টেম্বর-26 21:30:15" }) },
  { source: "S4 (Bengali cash in, sender DBBL)", sender: "DBBL", text: "A/C: ০১৬১২৩৪৫৬৭৮০ থেকে ক্যাশ ইন Tk ২,০০০.০০। TxnId: 1827391827। ফি Tk ০.০০। ব্যালেন্স: Tk ১৬,৩৮২.০০। তারিখ: ১৩-SEP-২৬ ১৯:২০:০০",
    expect: pay({ method: "ROCKET", kind: "cash_in", amount: "2000.00", trxId: "1827391827", counterparty: "016123456780", printedTime: "13-SEP-26 19:20:00" }) },
  // ── Upay ──────────────────────────────────────────────────────────────────
  { source: "S4 (English, Bengali digits)", sender: "Upay", text: "Received Tk ১,০০০.০০ from ০১৭১২৩৪৫৬৭৮. TrxID: UP729401. Fee: Tk ০.০০. Balance: Tk ১৪,২০০.০০. Time: ১৩/০৯/২০২৬ ২০:০৫",
    expect: pay({ method: "UPAY", kind: "send_money", amount: "1000.00", trxId: "UP729401", counterparty: "01712345678", printedTime: "13/09/2026 20:05" }) },
  { source: "S4 (Bengali received; TrxID changed from UP729401)", sender: "upay", text: "০১৭১২৩৪৫৬৭৮ থেকে Tk ১,০০০.০০ পেয়েছেন। TrxID: UP729402। ফি: Tk ০.০০। ব্যালেন্স: Tk ১৪,২০০.০০। সময়: ১৩/০৯/২০২৬ ২০:০৫",
    expect: pay({ method: "UPAY", kind: "send_money", amount: "1000.00", trxId: "UP729402", counterparty: "01712345678", printedTime: "13/09/2026 20:05" }) },
  { source: "S4 (Bengali cash in)", sender: "Upay", text: "০১৯১২৩৪৫৬৭৮ থেকে ক্যাশ ইন Tk ২,০০০.০০। TrxID: UP102938। Fee: Tk ০.০০। Balance: Tk ১৬,২০০.০০। Time: ১৩/০৯/২০২৬ ২০:১০",
    expect: pay({ method: "UPAY", kind: "cash_in", amount: "2000.00", trxId: "UP102938", counterparty: "01912345678", printedTime: "13/09/2026 20:10" }) },
  { source: "S7 (received_money template)", sender: "upay", text: "Received Tk 750.00 from 01819000000. TrxID: UP551177. Fee: Tk 0.00. Balance: Tk 1,750.00. 12/10/2026 11:45",
    expect: pay({ method: "UPAY", kind: "send_money", amount: "750.00", trxId: "UP551177", counterparty: "01819000000", printedTime: "12/10/2026 11:45" }) },
];

export const NOT_CREDITING: IgnoredSample[] = [
  // Money out, from the services themselves
  { source: "S1 (Send Money sent)", sender: "bKash", reason: "not_incoming", text: "Send Money Tk 510.00 to 01813738081 successful. Ref Sajib. Fee Tk 5.00. Balance Tk 4,479.65. TrxID DCK1B9P81H at 20/03/2026 00:08" },
  { source: "S1 (failed Send Money, money returned)", sender: "bKash", reason: "not_incoming", text: "Sorry, your Send Money request to 01765992095 is unsuccessful! Tk 30 has been returned. Balance Tk 73.50. TrxID BKA96AB813 at 10/11/2024 14:00" },
  { source: "S1 (Payment made)", sender: "bKash", reason: "not_incoming", text: "Payment Tk 100.00 to KAHF BANGLADESH LTD-RM67912 is successful. Balance Tk 601.81. TrxID DG705TRZHM at 07/07/2026 20:36" },
  { source: "S1 (Payment of … made)", sender: "bKash", reason: "not_incoming", text: "Payment of Tk 1,015.50 to AS-SUNNAH FOUNDATION-RM56187 is successful. Balance Tk 1,115.15. TrxID DCD92UO50N at 13/03/2026 15:30" },
  { source: "S1 (OTP)", sender: "bKash", reason: "not_incoming", text: "Your bKash verification code is 956586. Expires in 2 minutes." },
  { source: "S3 (bKash Cash Out)", sender: "bKash", reason: "not_incoming", text: "Cash Out Tk500.00 successful from 01612345678. Fee Tk10.00. TrxID JKL789MNO at 2024-01-03 10:15:00. Balance Tk6,490.00" },
  { source: "S3 (bKash Send Money sent)", sender: "bKash", reason: "not_incoming", text: "You have sent Tk1,500.00 to 01712345678 successfully. Fee Tk25.00. TrxID ABC123XYZ at 2024-01-01 12:00:00. Balance Tk5,000.00" },
  { source: "S3 (Nagad Send Money)", sender: "NAGAD", reason: "not_incoming", text: "Send Money Tk 1,200.00 to 01812345678 successful. Fee Tk 20.00. Trx ID: VWX456YZA at 2024-01-05 09:00:00. Balance: Tk 4,520.00" },
  { source: "S3 (Nagad Cash Out)", sender: "NAGAD", reason: "not_incoming", text: "Cash Out Tk 600.00 successful. Agent: 01712345678. Fee: Tk 12.00. Trx ID: HIJ012KLM at 2024-01-07 15:00:00. Balance: Tk 7,408.00" },
  { source: "S3 (Nagad Mobile Recharge)", sender: "NAGAD", reason: "not_incoming", text: "Mobile Recharge Tk 100.00 successful to 01812345678. Trx ID: NOP345QRS at 2024-01-08 10:30:00. Balance: Tk 7,308.00" },
  { source: "S3 (Rocket money sent)", sender: "16216", reason: "not_incoming", text: "Tk 800.00 sent to 01712345678 successfully. Charge Tk 16.00. TxnID: RST678UVW at 2024-01-09 13:00:00. Balance: Tk 6,492.00" },
  { source: "S3 (Rocket Bill Payment)", sender: "16216", reason: "not_incoming", text: "Bill Payment Tk 550.00 to DESCO successful. TxnID: JKL567MNO at 2024-01-12 14:00:00. Balance: Tk 7,422.00" },
  { source: "S4 (bKash Bengali Cash Out)", sender: "bKash", reason: "not_incoming", text: "ক্যাশ আউট Tk ১,০০০.০০ টু ০১৭৯৯৮৮৭৭৬৬। ফি Tk ১৮.৫০। ব্যালেন্স Tk ১৭,৪৩১.৫০। TrxID 7A6B5C4D সময় ১৩/০৯/২০২৬ ২৩:৩০" },
  { source: "S4 (Nagad Bengali Cash Out)", sender: "NAGAD", reason: "not_incoming", text: "ক্যাশ আউট। পরিমাণ: Tk ৩,০০০.০০। প্রাপক: ০১৭৯৯০০১১২২। TxnID: 94K6C77Z। ফি: Tk ৪৪.৮২। ব্যালেন্স: Tk ২৩,৯৫৫.১৮। তারিখ: ১৩/০৯/২০২৬ ২২:০০" },
  { source: "S4 (Rocket Bengali Cash Out)", sender: "16216", reason: "not_incoming", text: "A/C: ০১৭১১১২২২৩৩৪ এ ক্যাশ আউট Tk ১,০০০.০০। ফি Tk ১৮.০০। ব্যালেন্স: Tk ১৪,৩৮২.০০। TxnId: 3829102938। তারিখ: ১৩-SEP-২৬ ১৯:১০:০০" },
  { source: "S4 (Upay Bengali Cash Out)", sender: "upay", reason: "not_incoming", text: "০১৬১২৩৪৫৬৭৮ এ ক্যাশ আউট Tk ৫০০.০০। TrxID: UP992811। Fee: Tk ৭.০০। Balance: Tk ১৫,৬৯৩.০০। Time: ১৩/০৯/২০২৬ ২০:১৫" },
  { source: "C (a promotion from bKash; wording invented, offers like it carry no TrxID)", sender: "bKash", reason: "not_incoming", text: "Get 10% cashback up to Tk 50 on your next Payment! Offer valid till 30/11/2026. Dial *247# or use bKash App." },
  // Look-alikes: genuine wording from an ordinary phone number or another sender id
  { source: "S1 text, sent from an ordinary number (look-alike)", sender: "+8801712345678", reason: "unknown_sender", text: "You have received Tk 5,000.00 from 01735814791. Fee Tk 0.00. Balance Tk 6,075.50. TrxID FAKE1H6X87 at 30/12/2024 13:22" },
  { source: "S2 Nagad text, sent from an ordinary number (look-alike)", sender: "01812345678", reason: "unknown_sender", text: "Money Received.\nAmount: Tk 9,999.00\nSender: 01634358056\nTxnID: 75FAKE0F\nBalance: Tk 10289.43\n08/06/2026 19:00" },
  { source: "S2 Rocket text under another brand's sender id", sender: "bKash-Offer", reason: "unknown_sender", text: "Tk5000.00 received from A/C:***515 Fee:Tk0, Your A/C Balance: Tk6,145.85 TxnId:6606700000 Date:08-JUN-26 06:21:43 am." },
  { source: "S1 text under a mobile operator's sender id", sender: "GP", reason: "unknown_sender", text: "You have received Tk 1,000.00 from 01735814791. Fee Tk 0.00. Balance Tk 1,075.50. TrxID GPLOOK1234 at 30/12/2024 13:22" },
  // From the service, reads like money in, but a field is missing: stored, never guessed
  { source: "C (S1 wording with the TrxID cut off by the phone)", sender: "bKash", reason: "unreadable", text: "You have received Tk 700.00 from 01735814791. Fee Tk 0.00. Balance Tk 1,775.50." },
];
