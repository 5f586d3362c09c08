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

    Để bắt đầu, mời thầy/cô cho biết họ tên và đơn vị công tác (3 bước, khoảng một phút).
start-greeting-known =
    👋 Chào mừng thầy/cô <b>{ $name }</b> quay lại!

    Gõ /help để xem các việc có thể làm.

## Trợ giúp
help-text =
    <b>Thầy/cô có thể:</b>
    /start — đăng ký (họ tên, đơn vị công tác)
    /profile — xem và sửa hồ sơ (họ tên, đơn vị)
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
    Đơn vị: { $unit }
    Ngôn ngữ: Tiếng Việt
profile-name-missing = <i>(chưa có)</i>
profile-button-edit-name = ✏️ Sửa họ tên
profile-button-edit-unit = 🏫 Sửa đơn vị
profile-unit-saved = ✅ Đã lưu đơn vị: <b>{ $unit }</b>
profile-unit-cancelled = Đã dừng đổi đơn vị. Hồ sơ giữ nguyên như cũ.
profile-name-ask =
    { $header } — <b>Họ và tên</b>
    Nhập họ tên đầy đủ của thầy/cô, có dấu. Ví dụ: <i>Nguyễn Thị Minh Anh</i>
profile-name-ask-current = Đang có: <b>{ $current }</b> — bấm nút bên dưới để giữ nguyên.
profile-name-keep-button = Giữ: { $current }
profile-name-use-telegram-button = Dùng tên: { $current }
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

## Đơn vị
unit-ask =
    { $header } — <b>Đơn vị công tác</b>
    Gõ một phần tên trường hoặc đơn vị, không cần dấu. Ví dụ: <i>thpt le loi</i>
    Hoặc bấm nút để chọn theo huyện, thị xã, thành phố.
unit-ask-current = Đang có: <b>{ $unit }</b>
unit-browse-button = 🗺 Chọn theo huyện/thị xã
unit-keep-button = Giữ: { $unit }
unit-matches = Tìm thấy { $count } đơn vị. Bấm vào đơn vị của thầy/cô, hoặc gõ lại để tìm đơn vị khác:
unit-matches-more = (Chỉ hiện { $count } kết quả đầu — gõ cụ thể hơn nếu chưa thấy đơn vị của mình.)
unit-no-match = Không tìm thấy đơn vị nào khớp với “{ $query }”. Thử gõ ngắn hơn (ví dụ: <i>le loi</i>) hoặc chọn theo huyện/thị xã.
unit-choose-district = Chọn huyện, thị xã hoặc thành phố:
unit-choose-in-district = Các đơn vị ở <b>{ $district }</b>. Bấm vào đơn vị của thầy/cô:
unit-expect-text = Vui lòng gõ một phần tên đơn vị (ví dụ: <i>thpt le loi</i>), hoặc bấm nút để chọn theo huyện/thị xã.
unit-catalogue-empty = Danh mục đơn vị chưa có dữ liệu. Vui lòng báo bộ phận thi đua – khen thưởng của Sở.

## Đăng ký
registration-confirm =
    { $header } — <b>Xác nhận thông tin</b>
    Họ tên: <b>{ $name }</b>
    Đơn vị: <b>{ $unit }</b> ({ $district })
    Thông tin đã đúng chưa ạ?
registration-save-button = ✅ Đúng, hoàn tất đăng ký
registration-edit-name-button = ✏️ Sửa họ tên
registration-edit-unit-button = 🏫 Sửa đơn vị
registration-done =
    ✅ Đăng ký xong! Chào mừng thầy/cô <b>{ $name }</b> — { $unit }.
    Gõ /help để xem các việc có thể làm.
registration-cancelled = Đã dừng đăng ký; chưa có gì được lưu. Gõ /start để đăng ký lại bất cứ lúc nào.

## Hủy
cancel-done = Đã dừng. Gõ /help để xem các việc có thể làm.
cancel-nothing = Hiện không có thao tác nào đang làm dở.

## Còn lại
fallback-unknown = Bot chưa hiểu tin nhắn này. Gõ /help để xem các việc có thể làm.
