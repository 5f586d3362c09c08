## Common
step-header = <b>Step { $step }/{ $total }</b>
button-cancel = ✖️ Cancel
button-back = ⬅️ Back
error-apology = 😔 Sorry, something went wrong while handling your request. Everything you entered is kept — please try again in a few minutes.
expect-text = This step needs a text answer (stickers, photos and voice messages are not accepted). Please type it again.
expect-button = Please choose one of the buttons under the message above, or send /cancel to stop.
rate-limited = ⏳ You are sending faster than the bot can follow; it ignores your messages for a few seconds. Please wait a moment, then go on.
button-expired = This button can no longer be used.

## Commands (Telegram's command menu)
command-start = Start and introduce the bot
command-help = What you can do with the bot
command-profile = View and edit my profile
command-language = Change language / Đổi ngôn ngữ
command-cancel = Stop what you are doing

## Start
start-greeting-new =
    👋 Hello <b>{ $name }</b>!

    This is the <b>emulation and commendation</b> assistant of the Department of Education and Training. Here you can submit initiatives, nominate exemplary people, follow how your submissions are reviewed and hear about emulation campaigns.

    To begin, tell the bot your full name and your unit (3 steps, about a minute).
start-greeting-known =
    👋 Welcome back, <b>{ $name }</b>!

    Send /help to see what you can do.

## Help
help-text =
    <b>You can:</b>
    /start — register (full name, unit)
    /submit — submit an initiative or a nomination
    /my — your submissions and their status
    /drafts — unfinished drafts
    /library — look up recognised initiatives (or type @bot_name words in any chat)
    /campaigns — campaigns taking submissions from your unit
    /profile — view and edit your profile (full name, unit)
    /language — change the language (Tiếng Việt / English)
    /mydata — the personal data the bot holds about you
    /cancel — stop what you are doing; nothing you entered is lost
    /help — show this list again
help-admin =
    <b>Administration:</b>
    /campaigns — manage campaigns (extend, close early, preview)
    /newcampaign — create a campaign
    /broadcasts — progress of announcements and reminders
    /decide — submissions waiting for a decision
    /find — find any submission by code, author name or words
    /council — a campaign's reviewers, assigning their work
    /stats — statistics of a school year or a campaign
    /export — the appendix (XLSX, CSV) of a school year or a campaign
    /decisions — decisions: the .docx, the list, certificates to print, revocation
    /roles — roles
    /erase — erase a person's personal data at their request
help-in-conversation = You are in the middle of something. Answer the question to go on, or send /cancel to stop.

## Language
language-choose = Chọn ngôn ngữ cho bot / Choose the bot's language:
language-changed = ✅ Switched to English.

## Profile
profile-card =
    <b>Your profile</b>
    Full name: { $name }
    Unit: { $unit }
    Language: English
profile-name-missing = <i>(not set)</i>
profile-button-edit-name = ✏️ Edit full name
profile-button-edit-unit = 🏫 Change unit
profile-unit-saved = ✅ Unit saved: <b>{ $unit }</b>
profile-unit-cancelled = Stopped changing the unit. Your profile is unchanged.
profile-name-ask =
    { $header } — <b>Full name</b>
    Type your full name, with diacritics. Example: <i>Nguyễn Thị Minh Anh</i>
profile-name-ask-current = Currently: <b>{ $current }</b> — tap the button below to keep it.
profile-name-keep-button = Keep: { $current }
profile-name-use-telegram-button = Use: { $current }
profile-name-empty = The full name cannot be empty. Please type your full name, e.g. Nguyễn Thị Minh Anh.
profile-name-too-long = The full name is longer than { $max } characters. Please type a shorter one.
profile-name-not-a-name = “{ $value }” does not look like a name (a name holds only letters and spaces). Please type it again, e.g. Nguyễn Thị Minh Anh.
profile-name-confirm =
    { $header } — <b>Confirm</b>
    Your full name will be saved as: <b>{ $name }</b>
    Is that right?
profile-name-confirm-button = ✅ Yes, save it
profile-name-saved = ✅ Full name saved: <b>{ $name }</b>
profile-name-cancelled = Stopped editing the full name. Your profile is unchanged.

## Unit
unit-ask =
    { $header } — <b>Your unit</b>
    Type part of the name of your school or office; diacritics are optional. Example: <i>thpt le loi</i>
    Or tap the button to choose by district.
unit-ask-current = Currently: <b>{ $unit }</b>
unit-browse-button = 🗺 Choose by district
unit-keep-button = Keep: { $unit }
unit-matches = Found { $count } unit(s). Tap yours, or type again to search for another:
unit-matches-more = (Only the first { $count } are shown — type more of the name if yours is not there.)
unit-no-match = No unit matches “{ $query }”. Try typing less (e.g. <i>le loi</i>) or choose by district.
unit-choose-district = Choose a district, town or city:
unit-choose-in-district = Units in <b>{ $district }</b>. Tap yours:
unit-expect-text = Please type part of your unit's name (e.g. <i>thpt le loi</i>), or tap the button to choose by district.
unit-catalogue-empty = The unit catalogue is empty. Please tell the Department's emulation and commendation office.

## Registration
registration-confirm =
    { $header } — <b>Confirm</b>
    Full name: <b>{ $name }</b>
    Unit: <b>{ $unit }</b> ({ $district })
    Is this right?
registration-save-button = ✅ Yes, finish registering
registration-edit-name-button = ✏️ Edit full name
registration-edit-unit-button = 🏫 Change unit
registration-done =
    ✅ You are registered! Welcome, <b>{ $name }</b> — { $unit }.
    Send /help to see what you can do.
registration-cancelled = Registration stopped; nothing was saved. Send /start to register at any time.

## Cancel
cancel-done = Stopped. Send /help to see what you can do.
cancel-registration = Registration stopped; nothing was saved. Send /start when you want to register again.
form-left = 💾 The submission is paused to run this command; the draft is kept — send /drafts to go on.
conversation-left = Stopped what was in progress to run this command.
edit-not-read = ✏️ The bot does not read edited messages. To change an answer: tap ⬅️ Back, or a ✏️ button on the summary before sending.
cancel-nothing = There is nothing in progress to stop.

## Everything else
fallback-unknown = The bot did not understand this message. Send /help to see what you can do.

## Submitting
command-submit = Submit an initiative or a nomination
command-my = My submissions and their status
command-drafts = Unfinished drafts
submit-register-first = Before submitting, register your full name and unit: send /start.
submit-choose-kind = What would you like to submit?
submit-kind-initiative = 💡 An initiative / applied research
submit-kind-nomination = 🏅 A nomination for commendation
submit-draft-exists = You have a draft of this kind (at Step { $step }/{ $total }). Continue it, or start over?
submit-continue-button = ▶️ Continue the draft
submit-fresh-button = 🆕 Start over (delete the old draft)
drafts-none = You have no drafts. Send /submit to start one.
drafts-untitled = (untitled)
drafts-item = { $kind }: { $title } — Step { $step }/{ $total }
drafts-list = Your drafts. Tap one to go on:
kind-initiative = Initiative
kind-nomination = Nomination

## The form
form-gone = This submission can no longer be edited (sent, withdrawn or gone). Send /my to see your submissions.
form-paused = 💾 Draft saved. Nothing you entered is lost — send /drafts to go on at any time.
form-receipt =
    ✅ <b>Submission received!</b>
    Code: <b>{ $code }</b>
    Received: { $received }
    Decision due by: { $due }
    Send /my to check its status at any time.
form-incomplete = Some required answers are missing; the bot will ask for them.
form-expect-file = This step takes files (pdf, doc, docx, xls, xlsx, ppt, pptx) or photos (jpg, png). Send a file, or tap ✅ Done.
form-file-received = 📎 File received ({ $count }/{ $max }). Send more, or tap ✅ Done.
form-file-too-many = A submission holds at most { $max } attachments. Tap ✅ Done to go on.
form-file-too-large = This file is larger than { $mb } MB, which Telegram does not let bots download. Please compress or split it and send it again.
form-file-type = This kind of file is not accepted. Only pdf, doc, docx, xls, xlsx, ppt, pptx, jpg and png.
form-done-button = ✅ Done
form-part-received = Received { $count } characters. Send the rest if there is more; tap ✅ Done when finished.
form-problem-empty = The answer cannot be empty.
form-problem-too-long = The answer is { $length } characters long, over the limit of { $max }. Please shorten it.
form-problem-not-a-choice = Please choose one of the buttons under the question.
form-problem-not-a-date = That is not a date. Please type it as day/month/year, e.g. 05/09/2025.
form-problem-date-in-future = The first application date cannot be in the future.
form-problem-co-author-line = Line { $line } does not match the pattern. One co-author a line: Full name; Unit; share %, e.g. Trần Văn Bình; THPT Lê Lợi; 30
form-problem-share-too-small = Each author's share must be at least { $min }%.
form-problem-shares-total = The shares add up to { $total }%; they must make exactly 100%: with the co-authors given, your share is { $needed }%.
form-problem-co-authors-total = The co-authors hold { $coAuthors }%. Your own share counts towards the 100% too and is at least { $min }%, so the co-authors may hold { $max }% at most together.
form-problem-not-a-number = Please type a percentage, e.g. 70
form-similar-titles =
    ⚠️ Submissions with a similar title already exist:
    { $list }
    You can go on if yours is a different one.
form-attachments-so-far = Attached so far: { $count } file(s).
form-previous-answer = Earlier answer: <i>{ $value }</i>
form-keep-button = ↩️ Keep the earlier answer
form-skip-button = ⏭ Skip
form-back-to-summary-button = ⬅️ Back to the summary
form-pause-button = 💾 Save draft, finish later
form-summary-title-initiative =
    <b>📋 Summary of the initiative application</b>
    Check it, tap ✏️ to edit a field, then tap 📨 Submit.
form-summary-title-nomination =
    <b>📋 Summary of the nomination</b>
    Check it, tap ✏️ to edit a field, then tap 📨 Submit.
form-submit-button = 📨 Submit
form-no-attachments = (no files)
form-skipped = (skipped)

## Questions
initiative-title-label = Title
initiative-title-short = Title
initiative-title-ask = Type the title of the initiative or research (at most 300 characters). Example: <i>Using games to teach Grade 10 mathematics</i>
initiative-initiativeType-label = Type
initiative-initiativeType-short = Type
initiative-initiativeType-ask = Is this an initiative or an applied pedagogical research topic?
initiative-field-label = Field of application
initiative-field-short = Field
initiative-field-ask = In which field is it applied?
initiative-fieldOther-label = Other field
initiative-fieldOther-short = Other field
initiative-fieldOther-ask = Type the field of application. Example: <i>Career guidance</i>
initiative-problem-label = Problem addressed
initiative-problem-short = Problem
initiative-problem-ask = What problem does it solve? Describe the situation before it was applied. (A long text may be sent as several messages.)
initiative-firstAppliedOn-label = First applied on
initiative-firstAppliedOn-short = First applied
initiative-firstAppliedOn-ask = The date it was first applied or trialled, as day/month/year. Example: <i>05/09/2025</i>
initiative-essence-label = Description of the essence
initiative-essence-short = Essence
initiative-essence-ask = Describe what it is, how it is done, and what is new about it.
initiative-conditions-label = Conditions needed
initiative-conditions-short = Conditions
initiative-conditions-ask = What is needed (facilities, people, funds) to apply it?
initiative-benefits-label = Benefits
initiative-benefits-short = Benefits
initiative-benefits-ask = What did it bring or what is it expected to bring? Give figures where you can. Example: <i>Good or excellent results rose from 40% to 55%</i>
initiative-confidential-label = Confidential information
initiative-confidential-short = Confidential
initiative-confidential-ask = Is there anything in the application to keep confidential? If not, tap ⏭ Skip.
initiative-coAuthors-label = Co-authors
initiative-coAuthors-short = Co-authors
initiative-coAuthors-ask =
    One co-author a line: <i>Full name; Unit; share %</i>. Example:
    <i>Trần Văn Bình; THPT Lê Lợi; 30</i>
    If there are none, tap ⏭ Skip.
initiative-myShare-label = Your share
initiative-myShare-short = My share
initiative-myShare-ask = Your own share (%). With the co-authors' it must make exactly 100%. Example: <i>70</i>
initiative-scopeProposed-label = Proposed scope
initiative-scopeProposed-short = Scope
initiative-scopeProposed-ask = At which level do you propose it be recognised?
initiative-attachments-label = Attachments
initiative-attachments-short = Files
initiative-attachments-ask = Send the supporting files: the initiative report, photos, data (pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, png; up to 10 files of 20 MB each). Tap ✅ Done when finished.
nomination-nominationKind-label = Kind of nomination
nomination-nominationKind-short = Kind
nomination-nominationKind-ask = What kind of nomination is this?
nomination-nominee-label = Nominee
nomination-nominee-short = Nominee
nomination-nominee-ask = Are you nominating yourself or someone else?
nomination-nomineeName-label = Nominee's full name
nomination-nomineeName-short = Name
nomination-nomineeName-ask = Type the nominee's full name. Example: <i>Nguyễn Văn An</i>
nomination-nomineePosition-label = Position
nomination-nomineePosition-short = Position
nomination-nomineePosition-ask = The nominee's position or job. Example: <i>Literature teacher, head of department</i>
nomination-nomineeUnit-label = Nominee's unit
nomination-nomineeUnit-short = Unit
nomination-nomineeUnit-ask = The nominee's unit. Example: <i>THPT Lê Lợi</i>
nomination-award-label = Title or award proposed
nomination-award-short = Award
nomination-award-ask = Which title or form of commendation do you propose?
nomination-title-label = Achievement in one line
nomination-title-short = Summary
nomination-title-ask = One line summing up the achievement (at most 300 characters). Example: <i>Saved two pupils from drowning on 12/10/2025</i>
nomination-achievements-label = Achievement report
nomination-achievements-short = Report
nomination-achievements-ask = Describe the achievements and results, with figures. (A long text may be sent as several messages.)
nomination-attachments-label = Evidence and photo
nomination-attachments-short = Evidence
nomination-attachments-ask = Send the evidence (documents, photos; pdf, doc, docx, jpg, png; up to 10 files of 20 MB each) and a portrait photo if you have one. Tap ✅ Done when finished.

## Choices
choice-initiativeType-initiative = Initiative
choice-initiativeType-applied_research = Applied pedagogical research
choice-field-teaching = Teaching methods
choice-field-management = Education management
choice-field-student_affairs = Homeroom and student affairs
choice-field-ict = ICT and digital transformation
choice-field-assessment = Assessment
choice-field-extracurricular = Extracurricular activities
choice-field-other = Other…
choice-scopeProposed-unit = Unit level
choice-scopeProposed-province = Province level
choice-scopeProposed-nation = National level
choice-nominationKind-exemplary = Exemplary person
choice-nominationKind-sudden = Sudden achievement
choice-nominationKind-title = Emulation title
choice-nominee-self = Myself
choice-nominee-other = Someone else
choice-award-lao_dong_tien_tien = Lao động tiên tiến (Advanced worker)
choice-award-csdt_co_so = Chiến sĩ thi đua cơ sở (unit level)
choice-award-csdt_tinh = Chiến sĩ thi đua cấp tỉnh (province level)
choice-award-giay_khen = Giấy khen (Director's certificate)
choice-award-bang_khen_ubnd = Bằng khen of the Provincial People's Committee
choice-award-bang_khen_bo = Bằng khen of the Minister of Education

## Statuses
status-draft = Draft
status-submitted = Submitted, awaiting the unit head
status-returned = Returned for revision
status-endorsed = Endorsed, awaiting the council
status-under_review = Under review by the council
status-recognised = Recognised
status-refused = Not recognised
status-withdrawn = Withdrawn

## My submissions
my-none = You have not submitted anything yet. Send /submit to start.
my-title = <b>Your submissions</b> (tap a number for details):
my-line =
    { $n }. <b>{ $code }</b> — { $title }
        { $status }
my-not-found = This submission is not among yours.
my-details =
    <b>{ $code }</b> — { $kind }
    <b>{ $title }</b>
    Status: <b>{ $status }</b>
    Received: { $received }
    Decision due by: { $due }

    <b>History</b>
    { $history }
my-history-line = { $at } — { $status }{ $note }
my-edit-button = ✏️ Edit and resubmit
my-withdraw-button = ↩️ Withdraw
my-withdraw-confirm = Are you sure you want to withdraw this submission? It will not be reviewed.
my-withdraw-yes = Yes, withdraw
my-withdraw-no = No
my-withdrawn = The submission was withdrawn.
my-cannot-withdraw = A submission that is “{ $status }” cannot be withdrawn.

## Unit heads
unit-head-new-submission =
    📥 <b>A new submission from your unit</b>
    { $kind } <b>{ $code }</b>: { $title }
    Submitted by: { $submitter }

## Campaigns in the form
initiative-campaign-label = Campaign
initiative-campaign-short = Campaign
initiative-campaign-ask = Which campaign that is taking submissions is this initiative for?
nomination-campaign-label = Campaign
nomination-campaign-short = Campaign
nomination-campaign-ask = Which campaign that is taking submissions is this nomination for?
form-campaign-option = { $title } — due { $deadline }
form-campaign-none = 🚫 Not for a campaign
form-campaign-closed = ⛔ The campaign you chose no longer takes submissions. Please choose again (or no campaign).

## Campaign announcements and reminders
time-left-days = { $n } days
time-left-hours = { $n } hours
time-left-minutes = { $n } minutes
campaign-start-initiative = 📝 Submit an initiative
campaign-start-nomination = 🏅 Send a nomination
campaign-announcement =
    📣 <b>{ $title }</b>

    { $description }

    📅 Submissions: { $opens } – { $deadline }
    📂 Accepted: { $accepts }
    ⏳ { $left } left.
campaign-reminder =
    ⏰ <b>Deadline reminder</b>
    <b>{ $title }</b> takes submissions until { $deadline } — { $left } left.
    You have not submitted to this campaign yet.
campaign-reminder-draft =
    ⏰ <b>Deadline reminder</b>
    You have an unfinished draft for <b>{ $title }</b> — { $left } left (deadline { $deadline }).
campaign-extended =
    🗓 <b>Deadline extended</b>
    <b>{ $title }</b> now takes submissions until { $deadline } (was { $previous }).

## Broadcast progress
broadcast-kind-announcement = Announcement
broadcast-kind-reminder = Reminder
broadcast-kind-deadline-extended = Extension
broadcast-status-pending = waiting
broadcast-status-sending = sending
broadcast-status-done = done
broadcast-status-cancelled = cancelled
broadcast-progress =
    #{ $id } { $kind } — { $campaign } ({ $status })
    ✅ { $sent } sent · ⏳ { $pending } pending · ⚠️ { $failed } failed · 🚫 { $blocked } blocked the bot (of { $total })
broadcast-finished = 📬 <b>A broadcast has finished</b>

## Campaigns
command-campaigns = Campaigns taking submissions
not-allowed = ⛔ You are not allowed to do this.
campaign-status-draft = draft
campaign-status-scheduled = not open yet
campaign-status-open = taking submissions
campaign-status-closed = closed
campaigns-open-title = 📣 <b>Campaigns taking submissions from your unit</b>
campaigns-open-item = <b>{ $title }</b>
    Deadline: { $deadline } ({ $left } left)
campaigns-open-none = No campaign is taking submissions from your unit right now. You can still submit outside a campaign with /submit.
campaign-not-open = ⛔ This campaign is past its deadline or does not take this kind of submission from your unit. Send /campaigns to see the campaigns taking submissions.
campaigns-admin-title = 🗂 <b>Manage campaigns</b> (newest first)
campaigns-admin-none = No campaigns yet.
campaigns-admin-item = #{ $id } <b>{ $title }</b> — { $status }, due { $deadline }, { $received } received
campaign-new-button = ➕ New campaign
campaign-not-found = This campaign was not found.
campaign-admin-details =
    <b>#{ $id } { $title }</b>
    Status: { $status }
    Submissions: { $opens } – { $deadline }
    Announced at: { $announce }
    Audience: { $audience }
    Reminders: { $reminders }
campaign-audience-everyone = Everyone (all units)
campaign-audience-units = { $n } units
campaign-preview-button = 👁 Preview the announcement
campaign-extend-button = 🗓 Extend
campaign-close-button = ⛔ Close early
campaign-close-confirm = Close <b>{ $title }</b> early? No new submissions will be taken and no more reminders sent.
campaign-close-yes = Yes, close it
campaign-close-no = No
campaign-closed-done = ✅ <b>{ $title }</b> is closed.
campaign-extend-ask = Type the <b>new deadline</b> as day/month/year hour:minute, e.g. <i>20/12/2026 17:00</i> (a date alone means 17:00).
campaign-extend-cancelled = Stopped. The deadline is unchanged.
campaign-extended-done = ✅ Extended to { $deadline }. The audience will be told the new date; reminders are planned again.
campaign-create-cancelled = Stopped creating the campaign. Nothing was saved or sent.
campaign-problem-title-empty = The title cannot be empty.
campaign-problem-title-too-long = The title is longer than { $max } characters. Please shorten it.
campaign-problem-description-too-long = The text is longer than { $max } characters (the announcement must fit one message). Please shorten it.
campaign-problem-description-markup = The text has formatting Telegram does not accept. Please send it again, formatted with Telegram's own buttons (bold, italic) rather than HTML tags.
campaign-problem-description-empty = The announcement text is empty. Please type it.
campaign-problem-accepts-nothing = A campaign must accept at least one kind of submission.
campaign-problem-deadline-not-after-opening = The deadline must come after the opening and after now. Please type it again.
campaign-problem-deadline-past = The deadline has passed. Please create the campaign again with a future deadline.
campaign-problem-announce-after-deadline = The announcement must go out before the deadline. Please type it again.
campaign-problem-reminder-spec = I could not read the reminders. Separate them with commas: days (7d), hours (12h) or morning (7:00 on the deadline's day). E.g. <i>7d, 3d, 1d, morning</i>
campaign-problem-not-later = The new deadline must be after the current one and after now.
campaign-problem-closed = The campaign was closed early; it cannot be extended or closed again.
campaign-problem-datetime = That is not a date and time. Type day/month/year hour:minute, e.g. <i>15/12/2026 17:00</i> (a date alone means 17:00).
campaign-ask-title =
    { $header } — <b>Campaign title</b>
    E.g. <i>“Innovation and creativity in teaching and learning”, school year 2026–2027</i>
campaign-ask-description =
    { $header } — <b>Announcement text</b>
    Type or paste the text (bold, italics and links are kept). It is sent exactly as formatted.
campaign-ask-accepts =
    { $header } — <b>What it accepts</b>
    Initiatives, nominations or both?
campaign-accepts-both = Both
campaign-ask-audience =
    { $header } — <b>Audience</b>
    Everyone, or only some clusters, blocks or units?
campaign-audience-by-clusters = By cluster
campaign-audience-by-blocks = By block
campaign-audience-by-units = Choose units
campaign-audience-choose-clusters = Choose the clusters (tap to select or unselect), then tap “Done”.
campaign-audience-choose-blocks = Choose the blocks (tap to select or unselect), then tap “Done”.
campaign-audience-done = ✅ Done
campaign-audience-none-chosen = Nothing is selected. Tap at least one, then “Done”.
campaign-audience-type-unit = Type part of a unit's name (diacritics optional), e.g. <i>le loi</i>. You can add several units.
campaign-audience-pick-unit = Tap the unit to add:
campaign-audience-units-chosen =
    Chosen:
    { $list }
    Type another unit's name to add it, or tap “Done”.
campaign-ask-opens =
    { $header } — <b>Submissions open</b>
    Tap “Now” or type a date and time, e.g. <i>01/12/2026 07:00</i>.
campaign-now = ⏱ Now
campaign-ask-deadline =
    { $header } — <b>Deadline</b>
    Type a date and time, e.g. <i>15/12/2026 17:00</i> (a date alone means 17:00). Nothing is accepted after it.
campaign-ask-announce =
    { $header } — <b>When to announce</b>
    Tap “Announce now” or type a date and time, e.g. <i>30/11/2026 08:00</i>.
campaign-announce-now = 📣 Announce now
campaign-ask-reminders =
    { $header } — <b>Reminders</b>
    When before the deadline should those who have not submitted be reminded? Tap a button, or type e.g. <i>7d, 3d, 1d, morning</i>.
campaign-reminders-default = 7, 3, 1 days before and the deadline's morning
campaign-reminders-none = No reminders
campaign-preview-intro = { $header } — <b>Preview</b>. Recipients will get exactly this:
campaign-preview-plan =
    Announcement: <b>{ $announce }</b>
    Reminders: <b>{ $reminders }</b>
    Tap “Create campaign” to save it and schedule the messages.
campaign-confirm = ✅ Create campaign
campaign-created = ✅ Campaign #{ $id } created. The announcement goes out as scheduled; follow it with /broadcasts.

## Broadcasts (administrators)
broadcasts-title = 📬 <b>Recent broadcasts</b>
broadcasts-none = No broadcasts yet.
broadcasts-refresh = 🔄 Refresh

## Roles
role-admin = Administrator
role-reviewer = Council member
role-unit_head = Unit head
roles-usage =
    <b>Roles</b>
    /roles grant admin <i>telegram_id</i> — make an administrator
    /roles revoke admin <i>telegram_id</i> — remove an administrator
    /roles grant unit_head <i>telegram_id UNIT_CODE</i> — a unit head
    /roles find <i>name or telegram_id</i> — find someone
    (roles: admin, reviewer, unit_head; the person must have written to the bot)
roles-holder = • { $role }: { $name } ({ $id })
roles-grant-done = ✅ { $id } now has the “{ $role }” role.
roles-revoke-done = ✅ { $id } no longer has the “{ $role }” role.
roles-grant-unchanged = { $id } already has the “{ $role }” role.
roles-revoke-unchanged = { $id } does not have the “{ $role }” role.
roles-unknown-person = Nobody with Telegram id { $id } has written to the bot. Ask them to send /start first.
roles-last-admin = The last administrator cannot be removed.
form-draft-campaign-closed = ⛔ The campaign this draft was for no longer takes submissions. You can finish the draft; when you send it, the bot will offer the campaigns still open (or none).
campaign-edit-title-button = ✏️ Edit title
campaign-edit-description-button = ✏️ Edit text
campaign-edit-cancelled = Stopped. The campaign is unchanged.
campaign-edited = ✅ Saved. Announcements and reminders sent from now on use the new wording.

## Endorsement and decisions
scope-unit = unit
scope-province = province
scope-nation = nation
endorse-open-button = 📂 Open
endorse-queue-empty = Nothing from your unit is waiting for your endorsement.
endorse-queue-title = 📥 <b>Waiting for endorsement</b> ({ $count }). Tap to open:
endorse-card =
    <b>{ $code }</b> — { $kind }
    <b>{ $title }</b>
    Submitted by: { $submitter }
    Received: { $received }
    Status: { $status }
    Authors:
    { $authors }
    Attachments: { $files }
endorse-choose = Endorse it to the council, or return it to the author for revision?
endorse-ok-button = ✅ Endorse to the council
endorse-return-button = ↩️ Return for revision
endorse-done = ✅ <b>{ $code }</b> is endorsed and sent to the council. The author was told.
review-own-submission = This is your own submission (you sent it or co-authored it), so you cannot endorse or decide it yourself. Another head of the unit, or an administrator, will.
review-wrong-stage = This submission is now “{ $status }”; this can no longer be done.
review-ask-return-note = Type <b>what needs revising</b> (at most { $max } characters). The author gets it word for word.
review-ask-reasons = Type the <b>reasons for refusing</b> (required by the rules; at most { $max } characters). The submitter gets them word for word.
review-ask-decision = Type the <b>decision's number and date</b>, e.g. <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-cancelled = Stopped. The submission is unchanged.
review-problem-decision-format = That is not the format. Type the decision number, then the date, e.g. <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-problem-note-required = The text cannot be empty. Please type it again.
review-problem-note-too-long = The text is longer than { $max } characters. Please shorten it.
review-problem-number-required = The decision number is needed (at most 50 characters). E.g. <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-problem-date-invalid = That decision date does not exist. E.g. <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-problem-decision-revoked = The decision with this number and date was revoked: nothing can be recognised under it. Type the number and date of another decision.
review-done-return = ↩️ <b>{ $code }</b> was returned. The author was told what to revise.
review-done-refuse = The refusal of <b>{ $code }</b> is recorded. The submitter was told the reasons.
review-done-recognise = 🏅 The recognition of <b>{ $code }</b> is recorded. The submitter was told.
submitter-endorsed = ✅ <b>{ $code }</b> ({ $title }) was endorsed by your unit and sent to the emulation and commendation council.
submitter-returned =
    ↩️ <b>{ $code }</b> ({ $title }) was returned for revision:
    <i>{ $note }</i>
    Tap “Edit and resubmit” below (or send /my and open it).
submitter-recognised = 🏅 Congratulations! <b>{ $code }</b> ({ $title }) is recognised at { $scope } scope (decision no. { $number } of { $date }).
submitter-refused =
    <b>{ $code }</b> ({ $title }) was not recognised.
    Reasons: <i>{ $reasons }</i>
decide-queue-empty = Nothing is waiting for a decision.
decide-queue-title = 🏛 <b>Waiting for a decision</b> ({ $count }). Tap to open:
decide-recognise-unit = 🏅 Recognise — unit scope
decide-recognise-province = 🏅 Recognise — province scope
decide-recognise-nation = 🏅 Recognise — nation scope
decide-refuse = ⛔ Refuse
roles-person = • { $name } — { $unit } ({ $id })
roles-find-none = Nobody found.
roles-unit-required = A unit head's role names the unit code: <i>/roles grant unit_head telegram_id UNIT_CODE</i>
help-unit-head =
    <b>Unit heads:</b>
    /queue — submissions from your unit waiting for endorsement
help-reviewer =
    <b>Council:</b>
    /review — submissions waiting for your review
campaign-endorsement-skip-button = ⏭ Skip the unit head's endorsement
campaign-endorsement-require-button = ✅ Require the unit head's endorsement
campaign-endorsement-skipped = The unit head's step is skipped: submissions from now on go straight to the council.
campaign-endorsement-required = Submissions from now on need the unit head's endorsement before the council.

## Statistics
stats-of-year = school year { $year }
stats-of-campaign = campaign “{ $title }”
stats-usage = Send <i>/stats</i> (this school year), <i>/stats 2025-2026</i> (a school year) or <i>/stats c12</i> (campaign 12).
stats-headline =
    📊 <b>Statistics, { $label }</b>
    Received <b>{ $received }</b> ({ $initiatives } initiatives, { $nominations } nominations). Recognised <b>{ $recognised }</b>: { $nation } with national scope, { $province } provincial, { $unit } unit. Refused: { $refused }. In progress: { $inProgress }. Withdrawn: { $withdrawn }.
stats-by-status = {""}
    <b>By status</b>
stats-status-line = • { $status }: { $n }
stats-by-cluster = {""}
    <b>By cluster</b> (received / recognised)
stats-by-block = {""}
    <b>By block</b> (received / recognised)
stats-by-unit = {""}
    <b>By unit</b> (top { $n } of { $total })
stats-group-line = • { $name }: { $received } / { $recognised }
stats-chart-caption = 📈 Chart, { $label }
stats-chart-title = Statistics, { $label }: received { $received }, recognised { $recognised }
stats-chart-outcomes = Outcomes
stats-chart-nation = Recognised, national
stats-chart-province = Recognised, provincial
stats-chart-unit = Recognised, unit
stats-chart-refused = Refused
stats-chart-in-progress = In progress
stats-chart-received = Received
stats-chart-recognised = Recognised
stats-chart-by-block = By block
stats-chart-by-cluster = { $shown ->
        [top] By cluster (top { $n } of { $total })
       *[all] By cluster
    }

## Appendix export
export-file-name = appendix-{ $label }
export-caption = 📎 Appendix, { $label }: { $rows } submissions (XLSX: submissions, by unit, by cluster/block; and CSV).
export-sheet-submissions = Submissions
export-sheet-units = By unit
export-sheet-groups = By cluster and block
export-columns = Code | Title | Authors (share) | Nominee | Proposed title or award | Unit | Cluster | Block | Kind | Campaign | Status | Received | Recognised scope | Decision number | Decision date | Average score | Units applying it | Districts applying it
export-unit-columns = Unit | Cluster | Block | Received | Recognised
export-group-columns = Group | Name | Received | Recognised
export-cluster = Cluster
export-block = Block

## Council
council-usage =
    <i>/council c12 telegram_id telegram_id …</i> — the reviewers of campaign 12 (they must hold the reviewer role)
    <i>/council c12 assign</i> — spread its endorsed submissions among them evenly, never to their own unit
    <i>/council c12 deadline 20/12/2026 17:00</i> — the review deadline (reminders 3 days and 1 day before)
    <i>/council c12 rubric</i> — see and set the campaign's weighted scoring criteria
council-assigned = ✅ { $n } submissions assigned.
council-reviewers-set = ✅ The campaign's council has { $n } members.
council-not-a-reviewer = { $id } does not hold the reviewer role (/roles grant reviewer { $id }).
council-queue-empty = Nothing is waiting for your review.
council-queue-title = 🧑‍⚖️ <b>To review</b> ({ $count }). Tap to open:
council-card =
    <b>{ $code }</b> — { $kind }
    <b>{ $title }</b>
council-choose = Score it, or declare a conflict of interest (it will go to another member)?
council-score-button = 📝 Score
council-conflict-button = ⚠️ Conflict of interest
council-conflict-done = Conflict recorded; the submission went to another member.
council-conflict-unassigned = Conflict recorded. No other member can take it yet; an administrator will add one.
council-rubric-changed = The campaign's criteria changed while you were scoring, so these scores were not saved. Send /review, open the submission again and score it on the new criteria.
council-already-done = This one is already scored or no longer yours.
council-ask-score = <b>Step { $step }/{ $total }</b> — <b>{ $criterion }</b>: a score from 0 to { $max } (e.g. <i>7.5</i>).
council-score-hint = A score is a number from 0 to { $max }, e.g. <i>8</i> or <i>7.5</i>.
council-score-cancelled = Stopped. No score was saved.
council-ask-comment = <b>Step { $step }/{ $total }</b> — <b>Comment</b> (optional).
council-no-comment = Skip
council-ask-recommendation = <b>Step { $step }/{ $total }</b> — your <b>recommendation</b>:
council-scored = ✅ Saved. Score (weighted average): <b>{ $total }</b>/10.
recommendation-recognise_nation = Recognise — nation
recommendation-recognise_province = Recognise — province
recommendation-recognise_unit = Recognise — unit
recommendation-refuse = Refuse
rubric-novelty = Novelty
rubric-effectiveness = Effectiveness
rubric-applicability = Applicability and scope
rubric-scientific = Scientific basis
rubric-achievement = Achievement
rubric-example = Example set
rubric-evidence = Evidence
rubric-title-own = <b>Scoring criteria, { $kind }</b> (this campaign's own):
rubric-title-default = <b>Scoring criteria, { $kind }</b> (default):
rubric-line = { $n }. { $name } — weight { $weight } ({ $share }%)
rubric-usage =
    To set the campaign's own criteria: the command on the first line, then one criterion and its weight per line, e.g.:
    <code>/council c{ $id } rubric initiative
    Novelty 30
    Effectiveness 30
    Applicability 25
    Scientific basis 15</code>
    (<i>nomination</i> for nominations). Back to the default: <code>/council c{ $id } rubric initiative default</code>
rubric-saved = ✅ Scoring criteria saved.
rubric-problem-empty = No criteria yet: each line after the command is a criterion and its weight, e.g. <i>Novelty 30</i>.
rubric-problem-too-many = At most { $max } criteria. Merge some and send the whole command again.
rubric-problem-no-weight = Line { $line } has no weight: write the criterion's name, then a whole number, e.g. <i>Novelty 30</i>. Fix that line and send the whole command again.
rubric-problem-weight = Line { $line }: a weight is a whole number from 1 to 100. Fix that line and send the whole command again.
rubric-problem-name = Line { $line }: a criterion's name is 1 to 80 characters long. Fix that line and send the whole command again.
rubric-problem-duplicate = Line { $line } repeats the name of a criterion above it. Fix that line and send the whole command again.
rubric-in-use = Some { $kind } submissions have been scored on the current criteria, so they can no longer change (the scores would not match).
rubric-kind-not-taken = This campaign does not take { $kind } submissions.
council-deadline-set = ✅ Review deadline: { $deadline }. Members with submissions left to score are reminded 3 days and 1 day before.
council-deadline-past = The review deadline must be in the future.
council-reminder =
    ⏰ <b>Review reminder</b>
    You still have submissions of <b>{ $title }</b> to score; the review deadline is { $deadline } ({ $left } left). Send /review to score them.
decide-reviews = <b>Council reviews</b>
decide-review-line = • { $name }: { $total }/10, recommends: { $recommendation }{ $comment }

## Personal data
command-mydata = Your personal data held by the bot
mydata-caption = 📄 Everything the bot holds about you (profile, roles, submissions and drafts, reviews you scored). To have it erased, contact the department's administrator.
erase-usage = Usage: <code>/erase &lt;Telegram ID&gt;</code> — erase a person's personal data at their request (Decree 13/2023/NĐ-CP). Statistics, submission codes and decisions stay.
erase-confirm = Erase the personal data of <b>{ $name }</b> (ID { $id })? The name, Telegram identity, drafts and anything in progress are removed; submission codes, statuses, decisions and scores stay (no longer tied to a name). This cannot be undone.
erase-yes = Erase
erase-no = No
erase-done = Erased the personal data of ID { $id }.
privacy-notice = 🔒 <i>The bot keeps your name, unit, the submissions you send and their outcome, for the department's emulation and commendation work, as Decree 13/2023/NĐ-CP provides. Send /mydata to see everything it holds; to have it erased, contact the administrator.</i>

# Command menu of role holders (their own chat only)
command-queue = Submissions waiting for my endorsement
command-review = Submissions assigned to me for scoring
command-decide = Decide on reviewed submissions
command-council = Council: rubric and reviewers of a campaign
command-newcampaign = Announce a new campaign
command-broadcasts = Progress of announcements and notices
command-stats = Statistics and chart
command-export = The appendix (XLSX and CSV)
command-roles = Grant and revoke roles

## Batch decisions
batch-button = 📦 One decision for a whole campaign
batch-pick-campaign = Choose the campaign to draw up <b>one decision</b> for every submission the council has reviewed:
batch-pick-none = No campaign has submissions waiting for a decision.
batch-campaign-button = { $title } ({ $waiting } submissions)
batch-continue-button = ↪️ Continue the draft of decision { $number }
batch-ask-number =
    { $header } Type the decision's <b>number and date</b>, e.g. <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-ask-signer =
    { $header } Decision no. <b>{ $number }</b> of { $date }.
    Type the <b>signer's full name</b>, e.g. <i>Nguyễn Văn An</i>.
batch-problem-decision-format = Not in the expected form. Type the number, then the date, e.g. <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-problem-number-required = A decision number is needed (at most 50 characters), e.g. <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-problem-date-invalid = That date does not exist. Type it again, e.g. <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-problem-signer-required = The signer's full name is needed (at most 100 characters). Please type it again.
batch-counts = <b>{ $recognised } recognised</b>: { $nation } national, { $province } provincial, { $unit } unit level; <b>{ $refuse } not recognised</b>
batch-summary =
    📋 <b>Decision no. { $number }</b> of { $date }, signed by { $signer }
    Campaign: { $campaign } · pass mark: { $passMark }/10
    { $counts }
batch-summary-missing-reasons = ⚠️ { $count } refusals have no reasons yet (required before the decision is made).
batch-summary-left-out = Not in the decision: { $excluded } left out, { $unscored } never scored.
batch-summary-help = Press a group to see and change each submission, or type a submission's code.
batch-bucket-nation = National
batch-bucket-province = Provincial
batch-bucket-unit = Unit level
batch-bucket-refuse = Not recognised
batch-bucket-excluded = Left out
batch-bucket-unscored = Not scored
batch-bucket-button = { $name } ({ $count })
batch-code-button = 🔎 Type a code
batch-reason-all-button = ✍️ One reason for the refusals without one
batch-confirm-button = ✅ Make the decision…
batch-back-button = ↩️ Back to the summary
batch-page-title = <b>{ $bucket }</b> ({ $count }) — page { $page }/{ $pages }
batch-page-empty = No submission left in this group.
batch-page-line = { $n }. <b>{ $code }</b> — { $title } · score { $average }
batch-item =
    <b>{ $code }</b> — { $title }
    Council: { $reviews } reviews, average score { $average }
    Proposed from the scores: { $proposed }
    In the decision: <b>{ $current }</b>
batch-item-reason = Reasons for refusal: <i>{ $reason }</i>
batch-item-no-reason = ⚠️ No reasons for the refusal yet.
batch-exclude-button = ↩️ Leave out of this decision
batch-include-button = ➕ Put back into the decision
batch-reason-button = ✍️ Reasons for refusal
batch-ask-code = Type a submission's code, e.g. <i>SK-2026-00042</i>.
batch-code-not-found = No submission <b>{ $code }</b> in this decision. Type another code, or press Cancel.
batch-ask-reason = Type the reasons for not recognising <b>{ $code }</b> (at most { $max } characters). The submitter will read them.
batch-ask-reason-all = Type one reason for the { $count } refusals without one (at most { $max } characters). The submitters will read it.
batch-reason-all-done = ✅ Reason given to { $count } submissions.
batch-confirm =
    Make <b>decision no. { $number }</b> of { $date } (signed by { $signer })?
    { $counts }
    Every submitter will be told the outcome through the message queue (follow it in /broadcasts). Once made, this draft can no longer be changed.
batch-apply-button = ✅ Make the decision
batch-applied = ✅ Decision no. <b>{ $number }</b> made: { $recognised } recognised, { $refused } not recognised. Telling { $told } submitters — follow the progress in /broadcasts.
batch-applied-again = This decision has been made already; nothing was done again.
batch-missing-reasons = { $count } refusals still have no reasons. The law requires them: type them before making the decision.
batch-empty = The decision holds no submission yet.
batch-stale =
    ⚠️ <b>Not made</b>: { $count } submissions changed since the draft was drawn up:
    { $list }
    Leave them out and confirm again, or go back to look.
batch-stale-status = • { $code }: now “{ $status }”
batch-stale-changed = • { $code }: edited after the draft was drawn up
batch-stale-own = • { $code }: your own submission (someone else must decide it)
batch-stale-more = … and { $count } more
batch-drop-stale-button = Leave these out
batch-dropped = { $count } submissions left out of the decision.
batch-closed = This draft has been made into a decision or replaced by another.
batch-not-found = This draft or submission was not found.
batch-number-taken = A decision numbered { $number } exists on that date. Draw it up again with another number.
batch-cancelled = Stopped. The draft is kept; type /decide to go on.
broadcast-kind-decision = Decision outcome
decision-notice =
    🏛 <b>Decision no. { $number }</b> of { $date } by the Department of Education and Training:
    { $items }
decision-notice-recognised = 🏅 <b>{ $code }</b> ({ $title }): recognised, { $scope } scope.
decision-notice-refused = ⛔ <b>{ $code }</b> ({ $title }): not recognised. Reasons: { $reasons }

## Readable cards and resubmissions
unit-head-resubmission =
    🔁 <b>Submission completed as requested</b>
    { $kind } <b>{ $code }</b>: { $title }
    Submitted by { $submitter }, revised and sent again after you returned it.
attachment-caption = { $code } — { $name } ({ $n }/{ $count })
attachment-unnamed = file { $n }
answers-page = answers, page { $page }/{ $pages }
decide-proposal = Average: <b>{ $average }</b>/10 (pass mark { $passMark }) → proposed: <b>{ $outcome }</b>
decide-no-reviews = <i>The council has not scored this submission.</i>
decide-choose = The decision on <b>{ $code }</b>:
## Decision documents and certificates
command-decisions = Decision documents, certificates, revocation
decisions-none = There are no decisions yet.
decisions-title = <b>Decisions</b> (page { $page }; newest first). Tap one for its document, list, certificates or to revoke it:
decisions-previous = ◀️ Previous
decisions-next = Next ▶️
decisions-card =
    <b>Decision No. { $number }</b> of { $date }
    Signed by: { $signer }
    School year: { $year }
    Submissions recognised: { $recognised }
decisions-card-revoked = ⛔ <b>Revoked</b> at { $at }: { $note }
decisions-docx-button = 📄 Decision (.docx)
decisions-xlsx-button = 📊 List (.xlsx)
decisions-certs-button = 📜 All certificates (PDF)
decisions-revoke-button = ⛔ Revoke the decision
decisions-certs-caption = { $count } certificates, one per page, A4 landscape, ready to print.
decisions-no-certificates = This decision recognises no initiative, so it has no certificates.
decisions-revoke-how =
    To revoke Decision No. <b>{ $number }</b>, send this command with the reason (required):
    <code>{ $command }&lt;reason&gt;</code>
    Once revoked, every certificate of this decision shows as <b>revoked</b> when checked. This cannot be undone.
decisions-revoke-copy = 📋 Copy the command
decisions-revoked = ⛔ Decision No. <b>{ $number }</b> of { $date } is revoked. Its certificates now check as revoked.
decisions-revoke-note-required = Write the reason after the decision's number, e.g. <code>/decisions revoke 12 Issued with the wrong list</code>.
decisions-revoke-too-long = The reason is too long; please shorten it and send it again.
decisions-not-found = This decision was not found.
decisions-already-revoked = This decision was revoked before.
my-decision = Scope: <b>{ $scope }</b> — Decision No. <b>{ $number }</b> of { $date }
my-line-decision = , { $scope } — Decision No. { $number } of { $date }
my-decision-revoked = ⛔ This decision was revoked on { $at }.
my-certificate-button = 📜 Initiative certificate (PDF)
my-certificate-caption = Initiative certificates ({ $count } authors, one per page). The QR code on each lets anyone check it is genuine.
certificate-not-recognised = Only a recognised initiative has certificates.
certificate-revoked = The decision recognising this initiative was revoked, so no certificate is issued.
verify-genuine =
    ✅ <b>Genuine certificate</b>
    It certifies that <b>{ $name }</b> is an author of the initiative “{ $title }” (code { $code }), recognised with <b>{ $scope }</b> scope by Decision No. <b>{ $number }</b> of { $date }.
verify-revoked =
    ⛔ <b>Certificate revoked</b>
    The certificate of <b>{ $name }</b> as an author of the initiative “{ $title }” (code { $code }) under Decision No. <b>{ $number }</b> of { $date } is no longer valid: the decision was revoked on { $revoked }.
verify-unknown = ❌ No certificate has this code. The certificate may be forged, or the code was scanned or typed wrongly.
verify-too-many = Too many lookups in one minute. Please wait a minute and try again.
## Library
command-library = Look up recognised initiatives
command-find = Find any submission by code, author name or words
library-usage = Type <code>/library words</code> to search initiatives by title and text (with or without diacritics), or type <code>@bot_name words</code> in any chat to share one.
library-results-for = 📚 <b>Initiative library</b> — results for “{ $words }”:
library-results-latest = 📚 <b>Initiative library</b> — the latest recognised initiatives:
library-filters-active = Filtered by: { $filters }
library-none = No initiative found. Try other words or fewer filters.
library-approximate = <i>Nothing matches every word; these titles are close.</i>
library-hit = { $n }. <b>{ $title }</b> — { $code }, { $unit }, school year { $year }
library-prev = ◀️ Previous
library-next = Next ▶️
library-back = ↩️ Back to the results
library-filter-year = 📅 School year
library-filter-field = 📚 Field
library-filter-level = 🏫 School level
library-filter-scope = 🎯 Scope
library-filter-district = 📍 District
library-filter-clear = ✖️ Clear all filters
library-filter-ask = Choose the { $filter } (press the ✓ choice again to clear it):
library-summary =
    💡 <b>{ $title }</b>
    Code: { $code }
    Authors: { $authors }
    Unit: { $unit }
    School year: { $year }
    Field: { $field }
    Scope: { $scope }
    Decision: { $decision }
    { $applied }
library-decision = no. { $number } of { $date }
library-applied-none = No unit has reported applying it yet.
library-applied-header = 🌱 Applied at { $units } units:
library-applied-line = • { $unit } (since { $since })
library-applied-more = … and { $n } more units
library-files-button = 📎 See the attached files
library-files-not-shared = 🔒 The authors do not share this initiative's files.
library-files-none = This initiative has no attached files.
library-apply-button = 🌱 My unit applies this initiative
library-apply-ask = Send the <b>date your unit started applying it</b> (dd/mm/yyyy), optionally with a short note after a semicolon (at most { $max } characters). For example: <code>15/09/2026; applied in grade 6</code>
library-apply-cancelled = Cancelled; nothing was recorded.
library-apply-done = ✅ Recorded: { $unit } applies initiative { $code }. The authors will be told.
library-apply-already = { $unit } was already recorded as applying initiative { $code }; nothing changed.
library-apply-problem-not-a-date = Please send the date as dd/mm/yyyy, optionally with a note after a semicolon, for example <code>15/09/2026; applied in grade 6</code>.
library-apply-problem-date-in-future = The start date cannot be after today.
library-apply-problem-note-too-long = The note is longer than { $max } characters; please shorten it.
library-applied-notice = 🌱 Your initiative is being applied at <b>{ $unit }</b> (since { $since }): <b>{ $title }</b> ({ $code }). Congratulations!
library-share-turn-off = 🔒 Do not share the files in the library
library-share-turn-on = 📎 Share the files in the library
library-share-on = ✅ This submission's files will be shared in the initiative library once it is recognised.
library-share-off = 🔒 This submission's files will not be sent to anyone from the initiative library.
library-inline-register = Register with the bot to search initiatives
find-usage = Usage: <code>/find code, author name or words</code>
find-none = No submission found.
find-title = 🔎 <b>{ $count } submissions</b> (press a number to open one):
find-hit = { $n }. { $code } — <b>{ $title }</b> — { $status }, { $unit }
find-status = Status: <b>{ $status }</b>
broadcast-kind-initiative-applied = Initiative applied notices
library-receipt-share = 📎 Once the initiative is recognised, its files will be shared in the initiative library for colleagues to learn from. You can change this with the button below or in /my.
library-stats-applied = <b>Spreading:</b> { $initiatives } recognised initiatives applied at { $units } units in { $districts } districts
library-stats-applied-line = • { $code } { $title }: { $units } units, { $districts } districts
library-featured-header = 🌱 <b>Last year's most widely applied initiatives</b> (type /library to look them up):
library-featured-line = • { $code } { $title } — applied at { $units } units
## Copy screening
screening-button = 🔎 Overlap report ({ $count })
screening-button-pending = 🔎 Overlap report (being compared)
screening-title = 🔎 <b>Text comparison</b> — submission <b>{ $code }</b>
screening-disclaimer = <i>This report only points out passages worded alike, for the council to compare; it is not a finding. Similar passages may be quotations, regulations, common ideas, or the author's own earlier initiative developed further.</i>
screening-computed = Compared at { $at } with every submission sent before (all years) and the other submissions of the same campaign (the problem and the essence of the solution).
screening-updating = The submission was just sent again or passed to the council; a new report is being computed. Below is the latest one.
screening-none = No submission shares { $threshold }% or more of its phrases with this one.
screening-pending = The report is being computed (usually within a minute of the submission being sent). Please open it again in a few minutes.
screening-failed = The report for this submission could not be computed yet. The technical administrator can see why in the bot's logs.
screening-source =
    <b>{ $rank }. { $code }</b>{ $year } — { $title }
    Similarity: <b>{ $percent }%</b> (share of this submission's phrases also found in the other)
screening-year = {" "}(school year { $year })
screening-passage-mine = ▸ This submission: «{ $text }»
screening-passage-theirs = ◂ { $code }: «{ $text }»
screening-more = … and { $count } more submission(s) not shown, to stay within the message length limit.
