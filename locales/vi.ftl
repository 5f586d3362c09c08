## Chung
step-header = <b>Bước { $step }/{ $total }</b>
button-cancel = ✖️ Hủy
button-back = ⬅️ Quay lại
error-apology = 😔 Xin lỗi, đã có lỗi khi xử lý yêu cầu của thầy/cô. Những gì thầy/cô đã nhập vẫn được giữ nguyên — vui lòng thử lại sau ít phút.
expect-text = Bước này cần câu trả lời bằng chữ (không nhận sticker, ảnh hay tin nhắn thoại). Thầy/cô vui lòng gõ lại.
expect-button = Vui lòng chọn một trong các nút bên dưới tin nhắn trên, hoặc gõ /cancel để dừng.
button-expired = Nút này không còn dùng được nữa.

## Lệnh (menu lệnh của Telegram)
command-start = Bắt đầu, giới thiệu bot
command-help = Các việc có thể làm với bot
command-profile = Xem và sửa hồ sơ của tôi
command-language = Đổi ngôn ngữ / Change language
command-cancel = Dừng thao tác đang làm

## Bắt đầu
start-greeting-new =
    👋 Xin chào <b>{ $name }</b>!

    Đây là trợ lý <b>thi đua – khen thưởng</b> của Sở Giáo dục và Đào tạo. Qua bot, thầy/cô có thể nộp sáng kiến, đề cử gương điển hình tiên tiến, theo dõi kết quả xét duyệt và nhận thông báo các phong trào thi đua.

    Trước hết, hãy cho bot biết họ tên đầy đủ của thầy/cô: bấm /profile.
    Gõ /help để xem tất cả các việc có thể làm.
start-greeting-known =
    👋 Chào mừng thầy/cô <b>{ $name }</b> quay lại!

    Gõ /help để xem các việc có thể làm.

## Trợ giúp
help-text =
    <b>Thầy/cô có thể:</b>
    /profile — xem và sửa hồ sơ (họ tên)
    /language — đổi ngôn ngữ (Tiếng Việt / English)
    /cancel — dừng thao tác đang làm; những gì đã nhập không bị mất
    /help — xem lại danh sách này
help-in-conversation = Thầy/cô đang ở giữa một thao tác. Cứ trả lời câu hỏi ở trên để tiếp tục, hoặc gõ /cancel để dừng.

## Ngôn ngữ
language-choose = Chọn ngôn ngữ cho bot / Choose the bot's language:
language-changed = ✅ Đã chuyển sang Tiếng Việt.

## Hồ sơ
profile-card =
    <b>Hồ sơ của thầy/cô</b>
    Họ tên: { $name }
    Ngôn ngữ: Tiếng Việt
profile-name-missing = <i>(chưa có)</i>
profile-button-edit-name = ✏️ Sửa họ tên
profile-name-ask =
    { $header } — <b>Họ và tên</b>
    Nhập họ tên đầy đủ của thầy/cô, có dấu. Ví dụ: <i>Nguyễn Thị Minh Anh</i>
profile-name-ask-current = Đang có: <b>{ $current }</b> — bấm nút bên dưới để giữ nguyên.
profile-name-keep-button = Giữ: { $current }
profile-name-empty = Họ tên không được để trống. Vui lòng nhập họ tên đầy đủ, ví dụ: Nguyễn Thị Minh Anh.
profile-name-too-long = Họ tên dài quá { $max } ký tự. Vui lòng nhập lại ngắn hơn.
profile-name-not-a-name = “{ $value }” không giống một họ tên (họ tên chỉ gồm chữ cái và khoảng trắng). Vui lòng nhập lại, ví dụ: Nguyễn Thị Minh Anh.
profile-name-confirm =
    { $header } — <b>Xác nhận</b>
    Họ tên sẽ được lưu là: <b>{ $name }</b>
    Đúng chưa ạ?
profile-name-confirm-button = ✅ Đúng, lưu lại
profile-name-saved = ✅ Đã lưu họ tên: <b>{ $name }</b>
profile-name-cancelled = Đã dừng sửa họ tên. Hồ sơ giữ nguyên như cũ.

## Hủy
cancel-done = Đã dừng. Gõ /help để xem các việc có thể làm.
cancel-nothing = Hiện không có thao tác nào đang làm dở.

## Còn lại
fallback-unknown = Bot chưa hiểu tin nhắn này. Gõ /help để xem các việc có thể làm.
