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
    /submit — nộp sáng kiến hoặc đề cử
    /my — hồ sơ đã nộp và trạng thái
    /drafts — bản nháp đang làm dở
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
cancel-done = Đã dừng. Những gì đã nhập vào bản nháp vẫn được giữ (/drafts). Gõ /help để xem các việc có thể làm.
cancel-nothing = Hiện không có thao tác nào đang làm dở.

## Còn lại
fallback-unknown = Bot chưa hiểu tin nhắn này. Gõ /help để xem các việc có thể làm.

## Nộp hồ sơ
command-submit = Nộp sáng kiến hoặc đề cử
command-my = Hồ sơ đã nộp và trạng thái
command-drafts = Bản nháp đang làm dở
submit-register-first = Trước khi nộp hồ sơ, thầy/cô cần đăng ký họ tên và đơn vị: gõ /start.
submit-choose-kind = Thầy/cô muốn nộp gì?
submit-kind-initiative = 💡 Sáng kiến / đề tài NCKH sư phạm ứng dụng
submit-kind-nomination = 🏅 Đề cử, đề nghị khen thưởng
submit-draft-exists = Thầy/cô đang có một bản nháp loại này (đến Bước { $step }/{ $total }). Tiếp tục bản nháp, hay bắt đầu lại từ đầu?
submit-continue-button = ▶️ Tiếp tục bản nháp
submit-fresh-button = 🆕 Bắt đầu lại (xóa bản nháp cũ)
drafts-none = Thầy/cô không có bản nháp nào. Gõ /submit để bắt đầu.
drafts-untitled = (chưa có tên)
drafts-item = { $kind }: { $title } — Bước { $step }/{ $total }
drafts-list = Bản nháp của thầy/cô. Bấm để làm tiếp:
kind-initiative = Sáng kiến
kind-nomination = Đề cử

## Biểu mẫu
form-gone = Hồ sơ này không còn sửa được (đã gửi, đã rút hoặc không tồn tại). Gõ /my để xem hồ sơ của thầy/cô.
form-paused = 💾 Đã lưu bản nháp. Những gì thầy/cô đã nhập không bị mất — gõ /drafts để làm tiếp bất cứ lúc nào.
form-receipt =
    ✅ <b>Đã nhận hồ sơ!</b>
    Mã hồ sơ: <b>{ $code }</b>
    Thời điểm nhận: { $received }
    Hạn có kết quả xét: { $due }
    Gõ /my để xem trạng thái bất cứ lúc nào.
form-incomplete = Hồ sơ còn thiếu câu trả lời bắt buộc; bot sẽ hỏi lại phần đó.
form-expect-file = Bước này nhận tệp (pdf, doc, docx, xls, xlsx, ppt, pptx) hoặc ảnh (jpg, png). Gửi tệp, hoặc bấm ✅ Xong.
form-file-received = 📎 Đã nhận tệp ({ $count }/{ $max }). Gửi thêm, hoặc bấm ✅ Xong.
form-file-too-many = Mỗi hồ sơ có tối đa { $max } tệp đính kèm. Bấm ✅ Xong để tiếp tục.
form-file-too-large = Tệp này lớn hơn { $mb } MB, Telegram không cho bot tải về. Thầy/cô vui lòng nén hoặc chia nhỏ rồi gửi lại.
form-file-type = Loại tệp này không được nhận. Chỉ nhận pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, png.
form-done-button = ✅ Xong
form-part-received = Đã nhận { $count } ký tự. Nếu còn phần tiếp theo, thầy/cô cứ gửi tiếp; xong thì bấm ✅ Xong.
form-problem-empty = Câu trả lời không được để trống.
form-problem-too-long = Câu trả lời dài { $length } ký tự, quá giới hạn { $max } ký tự. Vui lòng rút gọn.
form-problem-not-a-choice = Vui lòng chọn một trong các nút bên dưới câu hỏi.
form-problem-not-a-date = Ngày chưa đúng. Vui lòng nhập theo dạng ngày/tháng/năm, ví dụ: 05/09/2025.
form-problem-date-in-future = Ngày áp dụng lần đầu không thể ở tương lai.
form-problem-co-author-line = Dòng { $line } chưa đúng mẫu. Mỗi đồng tác giả một dòng: Họ tên; Đơn vị; tỷ lệ %, ví dụ: Trần Văn Bình; THPT Lê Lợi; 30
form-problem-share-too-small = Tỷ lệ đóng góp của mỗi tác giả phải từ { $min }% trở lên.
form-problem-shares-total = Tổng tỷ lệ đóng góp đang là { $total }%, cần đúng 100%.
form-problem-not-a-number = Vui lòng nhập một con số phần trăm, ví dụ: 70
form-similar-titles =
    ⚠️ Đã có hồ sơ với tên gần giống:
    { $list }
    Thầy/cô vẫn có thể tiếp tục nếu đây là sáng kiến khác.
form-attachments-so-far = Đã đính kèm: { $count } tệp.
form-previous-answer = Câu trả lời trước: <i>{ $value }</i>
form-keep-button = ↩️ Giữ câu trả lời trước
form-skip-button = ⏭ Bỏ qua
form-back-to-summary-button = ⬅️ Về bản tóm tắt
form-pause-button = 💾 Lưu nháp, làm sau
form-summary-title-initiative =
    <b>📋 Tóm tắt đơn đề nghị công nhận sáng kiến</b>
    Kiểm tra lại, bấm ✏️ để sửa từng mục, rồi bấm 📨 Gửi.
form-summary-title-nomination =
    <b>📋 Tóm tắt hồ sơ đề cử</b>
    Kiểm tra lại, bấm ✏️ để sửa từng mục, rồi bấm 📨 Gửi.
form-submit-button = 📨 Gửi hồ sơ
form-no-attachments = (không có tệp)
form-skipped = (bỏ qua)

## Câu hỏi
initiative-title-label = Tên sáng kiến
initiative-title-ask = Gõ tên sáng kiến hoặc đề tài (tối đa 300 ký tự). Ví dụ: <i>Ứng dụng trò chơi trong dạy học Toán lớp 10</i>
initiative-initiativeType-label = Loại hồ sơ
initiative-initiativeType-ask = Đây là sáng kiến hay đề tài nghiên cứu khoa học sư phạm ứng dụng?
initiative-field-label = Lĩnh vực áp dụng
initiative-field-ask = Sáng kiến được áp dụng trong lĩnh vực nào?
initiative-fieldOther-label = Lĩnh vực khác
initiative-fieldOther-ask = Gõ tên lĩnh vực áp dụng. Ví dụ: <i>Giáo dục hướng nghiệp</i>
initiative-problem-label = Vấn đề cần giải quyết
initiative-problem-ask = Sáng kiến giải quyết vấn đề gì? Mô tả thực trạng trước khi áp dụng. (Văn bản dài có thể gửi thành nhiều tin nhắn.)
initiative-firstAppliedOn-label = Ngày áp dụng lần đầu
initiative-firstAppliedOn-ask = Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử, dạng ngày/tháng/năm. Ví dụ: <i>05/09/2025</i>
initiative-essence-label = Mô tả bản chất của sáng kiến
initiative-essence-ask = Mô tả nội dung, các bước thực hiện, điểm mới của sáng kiến.
initiative-conditions-label = Điều kiện cần thiết để áp dụng
initiative-conditions-ask = Cần những điều kiện gì (cơ sở vật chất, con người, kinh phí) để áp dụng sáng kiến?
initiative-benefits-label = Hiệu quả, lợi ích thu được
initiative-benefits-ask = Sáng kiến đã mang lại hoặc dự kiến mang lại hiệu quả gì? Nêu số liệu nếu có. Ví dụ: <i>Tỷ lệ học sinh khá giỏi tăng từ 40% lên 55%</i>
initiative-confidential-label = Thông tin cần bảo mật
initiative-confidential-ask = Có thông tin nào trong hồ sơ cần được giữ bí mật không? Nếu không, bấm ⏭ Bỏ qua.
initiative-coAuthors-label = Đồng tác giả
initiative-coAuthors-ask =
    Mỗi đồng tác giả một dòng: <i>Họ tên; Đơn vị; tỷ lệ đóng góp %</i>. Ví dụ:
    <i>Trần Văn Bình; THPT Lê Lợi; 30</i>
    Nếu không có đồng tác giả, bấm ⏭ Bỏ qua.
initiative-myShare-label = Tỷ lệ đóng góp của thầy/cô
initiative-myShare-ask = Tỷ lệ đóng góp (%) của chính thầy/cô. Cộng với các đồng tác giả phải đúng 100%. Ví dụ: <i>70</i>
initiative-scopeProposed-label = Phạm vi ảnh hưởng đề nghị
initiative-scopeProposed-ask = Thầy/cô đề nghị công nhận sáng kiến có phạm vi ảnh hưởng ở cấp nào?
initiative-attachments-label = Tệp đính kèm
initiative-attachments-ask = Gửi các tệp minh chứng: báo cáo sáng kiến, hình ảnh, số liệu (pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, png; tối đa 10 tệp, mỗi tệp đến 20 MB). Xong thì bấm ✅ Xong.
nomination-nominationKind-label = Hình thức đề cử
nomination-nominationKind-ask = Thầy/cô đề cử theo hình thức nào?
nomination-nominee-label = Người được đề cử
nomination-nominee-ask = Đề cử chính thầy/cô hay một người khác?
nomination-nomineeName-label = Họ tên người được đề cử
nomination-nomineeName-ask = Gõ họ tên đầy đủ người được đề cử. Ví dụ: <i>Nguyễn Văn An</i>
nomination-nomineePosition-label = Chức vụ
nomination-nomineePosition-ask = Chức vụ hoặc công việc của người được đề cử. Ví dụ: <i>Giáo viên Ngữ văn, tổ trưởng chuyên môn</i>
nomination-nomineeUnit-label = Đơn vị của người được đề cử
nomination-nomineeUnit-ask = Đơn vị công tác của người được đề cử. Ví dụ: <i>THPT Lê Lợi</i>
nomination-award-label = Danh hiệu / hình thức khen thưởng đề nghị
nomination-award-ask = Đề nghị danh hiệu thi đua hoặc hình thức khen thưởng nào?
nomination-title-label = Tóm tắt thành tích
nomination-title-ask = Một câu tóm tắt thành tích (tối đa 300 ký tự). Ví dụ: <i>Cứu hai học sinh bị đuối nước ngày 12/10/2025</i>
nomination-achievements-label = Báo cáo thành tích
nomination-achievements-ask = Trình bày thành tích cụ thể, kết quả đạt được, có số liệu. (Văn bản dài có thể gửi thành nhiều tin nhắn.)
nomination-attachments-label = Minh chứng và ảnh
nomination-attachments-ask = Gửi minh chứng (giấy tờ, hình ảnh; pdf, doc, docx, jpg, png; tối đa 10 tệp, mỗi tệp đến 20 MB) và ảnh chân dung nếu có. Xong thì bấm ✅ Xong.

## Lựa chọn
choice-initiativeType-initiative = Sáng kiến
choice-initiativeType-applied_research = Đề tài NCKH sư phạm ứng dụng
choice-field-teaching = Đổi mới phương pháp dạy học
choice-field-management = Quản lý giáo dục
choice-field-student_affairs = Công tác chủ nhiệm, giáo dục học sinh
choice-field-ict = Ứng dụng công nghệ thông tin, chuyển đổi số
choice-field-assessment = Kiểm tra, đánh giá
choice-field-extracurricular = Hoạt động trải nghiệm, ngoại khóa
choice-field-other = Lĩnh vực khác…
choice-scopeProposed-unit = Cấp cơ sở (đơn vị)
choice-scopeProposed-province = Cấp tỉnh
choice-scopeProposed-nation = Toàn quốc
choice-nominationKind-exemplary = Gương điển hình tiên tiến
choice-nominationKind-sudden = Thành tích đột xuất
choice-nominationKind-title = Đề nghị danh hiệu thi đua
choice-nominee-self = Chính tôi
choice-nominee-other = Người khác
choice-award-lao_dong_tien_tien = Lao động tiên tiến
choice-award-csdt_co_so = Chiến sĩ thi đua cơ sở
choice-award-csdt_tinh = Chiến sĩ thi đua cấp tỉnh
choice-award-giay_khen = Giấy khen của Giám đốc Sở
choice-award-bang_khen_ubnd = Bằng khen của Chủ tịch UBND tỉnh
choice-award-bang_khen_bo = Bằng khen của Bộ trưởng Bộ GDĐT

## Trạng thái
status-draft = Bản nháp
status-submitted = Đã nộp, chờ đơn vị xác nhận
status-returned = Trả lại để bổ sung
status-endorsed = Đơn vị đã xác nhận, chờ Hội đồng
status-under_review = Hội đồng đang xét
status-recognised = Được công nhận
status-refused = Không được công nhận
status-withdrawn = Đã rút

## Hồ sơ của tôi
my-none = Thầy/cô chưa nộp hồ sơ nào. Gõ /submit để nộp sáng kiến hoặc đề cử.
my-title = <b>Hồ sơ của thầy/cô</b> (bấm số để xem chi tiết):
my-line =
    { $n }. <b>{ $code }</b> — { $title }
        { $status }
my-not-found = Không tìm thấy hồ sơ này trong các hồ sơ của thầy/cô.
my-details =
    <b>{ $code }</b> — { $kind }
    <b>{ $title }</b>
    Trạng thái: <b>{ $status }</b>
    Thời điểm nhận: { $received }
    Hạn có kết quả: { $due }

    <b>Lịch sử</b>
    { $history }
my-history-line = { $at } — { $status }{ $note }
my-edit-button = ✏️ Sửa và gửi lại
my-withdraw-button = ↩️ Rút hồ sơ
my-withdraw-confirm = Thầy/cô chắc chắn muốn rút hồ sơ này? Hồ sơ đã rút sẽ không được xét.
my-withdraw-yes = Có, rút hồ sơ
my-withdraw-no = Không
my-withdrawn = Đã rút hồ sơ.
my-cannot-withdraw = Không thể rút hồ sơ đang ở trạng thái “{ $status }”.

## Thủ trưởng đơn vị
unit-head-new-submission =
    📥 <b>Hồ sơ mới của đơn vị</b>
    { $kind } <b>{ $code }</b>: { $title }
    Người nộp: { $submitter }

## Phong trào thi đua trong biểu mẫu
initiative-campaign-label = Phong trào thi đua
initiative-campaign-ask = Sáng kiến này nộp cho phong trào (đợt) thi đua nào đang nhận hồ sơ?
nomination-campaign-label = Phong trào thi đua
nomination-campaign-ask = Hồ sơ đề cử này nộp cho phong trào (đợt) thi đua nào đang nhận hồ sơ?
form-campaign-option = { $title } — hạn { $deadline }
form-campaign-none = 🚫 Không thuộc phong trào nào
form-campaign-closed = ⛔ Phong trào đã chọn đã hết hạn nhận hồ sơ. Vui lòng chọn lại phong trào (hoặc không thuộc phong trào nào).

## Thông báo phong trào và nhắc hạn
time-left-days = { $n } ngày
time-left-hours = { $n } giờ
time-left-minutes = { $n } phút
campaign-start-initiative = 📝 Nộp sáng kiến
campaign-start-nomination = 🏅 Gửi đề cử
campaign-announcement =
    📣 <b>{ $title }</b>

    { $description }

    📅 Nhận hồ sơ: { $opens } – { $deadline }
    📂 Loại hồ sơ: { $accepts }
    ⏳ Còn { $left }.
campaign-reminder =
    ⏰ <b>Nhắc hạn nộp hồ sơ</b>
    Phong trào <b>{ $title }</b> nhận hồ sơ đến { $deadline } — còn { $left }.
    Thầy/cô chưa nộp hồ sơ cho phong trào này.
campaign-reminder-draft =
    ⏰ <b>Nhắc hạn nộp hồ sơ</b>
    Thầy/cô có một bản nháp chưa hoàn thành cho phong trào <b>{ $title }</b> — còn { $left } (hạn chót { $deadline }).
campaign-extended =
    🗓 <b>Gia hạn nộp hồ sơ</b>
    Phong trào <b>{ $title }</b> được gia hạn đến { $deadline } (hạn cũ: { $previous }).

## Tiến độ gửi thông báo
broadcast-kind-announcement = Thông báo
broadcast-kind-reminder = Nhắc hạn
broadcast-kind-deadline-extended = Gia hạn
broadcast-status-pending = chờ gửi
broadcast-status-sending = đang gửi
broadcast-status-done = đã xong
broadcast-status-cancelled = đã hủy
broadcast-progress =
    #{ $id } { $kind } — { $campaign } ({ $status })
    ✅ { $sent } đã gửi · ⏳ { $pending } chờ · ⚠️ { $failed } lỗi · 🚫 { $blocked } đã chặn bot (tổng { $total })
broadcast-finished = 📬 <b>Đã gửi xong một đợt thông báo</b>
