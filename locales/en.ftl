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

    First, tell the bot your full name: tap /profile.
    Send /help to see everything you can do.
start-greeting-known =
    👋 Welcome back, <b>{ $name }</b>!

    Send /help to see what you can do.

## Help
help-text =
    <b>You can:</b>
    /profile — view and edit your profile (full name)
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
    Language: English
profile-name-missing = <i>(not set)</i>
profile-button-edit-name = ✏️ Edit full name
profile-name-ask =
    { $header } — <b>Full name</b>
    Type your full name, with diacritics. Example: <i>Nguyễn Thị Minh Anh</i>
profile-name-ask-current = Currently: <b>{ $current }</b> — tap the button below to keep it.
profile-name-keep-button = Keep: { $current }
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

## Cancel
cancel-done = Stopped. Send /help to see what you can do.
cancel-nothing = There is nothing in progress to stop.

## Everything else
fallback-unknown = The bot did not understand this message. Send /help to see what you can do.
