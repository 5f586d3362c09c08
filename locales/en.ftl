## Common
step-header = <b>Step { $step }/{ $total }</b>
button-cancel = ✖️ Cancel
button-back = ⬅️ Back
error-apology = 😔 Sorry, something went wrong while handling your request. Everything you entered is kept — please try again in a few minutes.
expect-text = This step needs a text answer (stickers, photos and voice messages are not accepted). Please type it again.
expect-button = Please choose one of the buttons under the message above, or send /cancel to stop.
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
    /profile — view and edit your profile (full name, unit)
    /language — change the language (Tiếng Việt / English)
    /cancel — stop what you are doing; nothing you entered is lost
    /help — show this list again
help-in-conversation = You are in the middle of something. Answer the question above to go on, or send /cancel to stop.

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
cancel-nothing = There is nothing in progress to stop.

## Everything else
fallback-unknown = The bot did not understand this message. Send /help to see what you can do.
