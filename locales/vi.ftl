## Chung
step-header = <b>Bước { $step }/{ $total }</b>
button-cancel = ✖️ Hủy
button-back = ⬅️ Quay lại
error-apology = 😔 Xin lỗi, đã có lỗi khi xử lý yêu cầu của thầy/cô. Những gì thầy/cô đã nhập vẫn được giữ nguyên — vui lòng thử lại sau ít phút.
expect-text = Bước này cần câu trả lời bằng chữ (không nhận sticker, ảnh hay tin nhắn thoại). Thầy/cô vui lòng gõ lại.
expect-button = Vui lòng chọn một trong các nút bên dưới tin nhắn trên, hoặc gõ /cancel để dừng.
rate-limited = ⏳ Thầy/cô đang gửi quá nhanh, bot tạm bỏ qua tin nhắn trong ít giây. Vui lòng chờ một chút rồi gửi tiếp.
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
    /library — tra cứu sáng kiến đã được công nhận (hoặc gõ @tên_bot từ khoá trong bất kỳ cuộc trò chuyện nào)
    /campaigns — phong trào đang nhận hồ sơ của đơn vị
    /profile — xem và sửa hồ sơ (họ tên, đơn vị)
    /language — đổi ngôn ngữ (Tiếng Việt / English)
    /mydata — dữ liệu cá nhân bot đang lưu về thầy/cô
    /cancel — dừng thao tác đang làm; những gì đã nhập không bị mất
    /help — xem lại danh sách này
help-admin =
    <b>Quản trị:</b>
    /campaigns — quản lý phong trào (gia hạn, đóng sớm, xem thông báo)
    /newcampaign — tạo phong trào mới
    /broadcasts — tiến độ gửi thông báo, nhắc hạn
    /decide — hồ sơ chờ quyết định công nhận
    /find — tìm mọi hồ sơ theo mã, tên tác giả hoặc từ khoá
    /council — hội đồng chấm của phong trào, phân công chấm
    /stats — thống kê năm học hoặc phong trào
    /export — phụ lục (XLSX, CSV) năm học hoặc phong trào
    /decisions — các quyết định: văn bản .docx, danh sách, giấy chứng nhận để in, thu hồi
    /roles — phân quyền
    /erase — xoá dữ liệu cá nhân của một người theo yêu cầu
help-in-conversation = Thầy/cô đang ở giữa một thao tác. Cứ trả lời câu hỏi để tiếp tục, hoặc gõ /cancel để dừng.

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
cancel-registration = Đã dừng đăng ký; chưa có gì được lưu. Gõ /start khi thầy/cô muốn đăng ký lại.
form-left = 💾 Đã tạm dừng hồ sơ để chạy lệnh này; bản nháp vẫn được giữ — gõ /drafts để làm tiếp.
conversation-left = Đã dừng việc đang làm dở để chạy lệnh này.
edit-not-read = ✏️ Bot không đọc tin nhắn đã sửa. Muốn đổi một câu trả lời: bấm ⬅️ Quay lại, hoặc nút ✏️ trên bảng tóm tắt trước khi gửi.
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
form-problem-shares-total = Tổng tỷ lệ đóng góp đang là { $total }%, cần đúng 100%: với các đồng tác giả đã nhập, phần của thầy/cô là { $needed }%.
form-problem-co-authors-total = Các đồng tác giả đang chiếm { $coAuthors }%. Phần của chính thầy/cô cũng tính vào 100% và ít nhất là { $min }%, nên các đồng tác giả cộng lại tối đa { $max }%.
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
initiative-title-short = Tên
initiative-title-ask = Gõ tên sáng kiến hoặc đề tài (tối đa 300 ký tự). Ví dụ: <i>Ứng dụng trò chơi trong dạy học Toán lớp 10</i>
initiative-initiativeType-label = Loại hồ sơ
initiative-initiativeType-short = Loại
initiative-initiativeType-ask = Đây là sáng kiến hay đề tài nghiên cứu khoa học sư phạm ứng dụng?
initiative-field-label = Lĩnh vực áp dụng
initiative-field-short = Lĩnh vực
initiative-field-ask = Sáng kiến được áp dụng trong lĩnh vực nào?
initiative-fieldOther-label = Lĩnh vực khác
initiative-fieldOther-short = Lĩnh vực khác
initiative-fieldOther-ask = Gõ tên lĩnh vực áp dụng. Ví dụ: <i>Giáo dục hướng nghiệp</i>
initiative-problem-label = Vấn đề cần giải quyết
initiative-problem-short = Vấn đề
initiative-problem-ask = Sáng kiến giải quyết vấn đề gì? Mô tả thực trạng trước khi áp dụng. (Văn bản dài có thể gửi thành nhiều tin nhắn.)
initiative-firstAppliedOn-label = Ngày áp dụng lần đầu
initiative-firstAppliedOn-short = Ngày áp dụng
initiative-firstAppliedOn-ask = Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử, dạng ngày/tháng/năm. Ví dụ: <i>05/09/2025</i>
initiative-essence-label = Mô tả bản chất của sáng kiến
initiative-essence-short = Bản chất
initiative-essence-ask = Mô tả nội dung, các bước thực hiện, điểm mới của sáng kiến.
initiative-conditions-label = Điều kiện cần thiết để áp dụng
initiative-conditions-short = Điều kiện
initiative-conditions-ask = Cần những điều kiện gì (cơ sở vật chất, con người, kinh phí) để áp dụng sáng kiến?
initiative-benefits-label = Hiệu quả, lợi ích thu được
initiative-benefits-short = Hiệu quả
initiative-benefits-ask = Sáng kiến đã mang lại hoặc dự kiến mang lại hiệu quả gì? Nêu số liệu nếu có. Ví dụ: <i>Tỷ lệ học sinh khá giỏi tăng từ 40% lên 55%</i>
initiative-confidential-label = Thông tin cần bảo mật
initiative-confidential-short = Bảo mật
initiative-confidential-ask = Có thông tin nào trong hồ sơ cần được giữ bí mật không? Nếu không, bấm ⏭ Bỏ qua.
initiative-coAuthors-label = Đồng tác giả
initiative-coAuthors-short = Đồng tác giả
initiative-coAuthors-ask =
    Mỗi đồng tác giả một dòng: <i>Họ tên; Đơn vị; tỷ lệ đóng góp %</i>. Ví dụ:
    <i>Trần Văn Bình; THPT Lê Lợi; 30</i>
    Nếu không có đồng tác giả, bấm ⏭ Bỏ qua.
initiative-myShare-label = Tỷ lệ đóng góp của thầy/cô
initiative-myShare-short = Tỷ lệ của tôi
initiative-myShare-ask = Tỷ lệ đóng góp (%) của chính thầy/cô. Cộng với các đồng tác giả phải đúng 100%. Ví dụ: <i>70</i>
initiative-scopeProposed-label = Phạm vi ảnh hưởng đề nghị
initiative-scopeProposed-short = Phạm vi
initiative-scopeProposed-ask = Thầy/cô đề nghị công nhận sáng kiến có phạm vi ảnh hưởng ở cấp nào?
initiative-attachments-label = Tệp đính kèm
initiative-attachments-short = Tệp
initiative-attachments-ask = Gửi các tệp minh chứng: báo cáo sáng kiến, hình ảnh, số liệu (pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, png; tối đa 10 tệp, mỗi tệp đến 20 MB). Xong thì bấm ✅ Xong.
nomination-nominationKind-label = Hình thức đề cử
nomination-nominationKind-short = Hình thức
nomination-nominationKind-ask = Thầy/cô đề cử theo hình thức nào?
nomination-nominee-label = Người được đề cử
nomination-nominee-short = Đề cử ai
nomination-nominee-ask = Đề cử chính thầy/cô hay một người khác?
nomination-nomineeName-label = Họ tên người được đề cử
nomination-nomineeName-short = Họ tên
nomination-nomineeName-ask = Gõ họ tên đầy đủ người được đề cử. Ví dụ: <i>Nguyễn Văn An</i>
nomination-nomineePosition-label = Chức vụ
nomination-nomineePosition-short = Chức vụ
nomination-nomineePosition-ask = Chức vụ hoặc công việc của người được đề cử. Ví dụ: <i>Giáo viên Ngữ văn, tổ trưởng chuyên môn</i>
nomination-nomineeUnit-label = Đơn vị của người được đề cử
nomination-nomineeUnit-short = Đơn vị
nomination-nomineeUnit-ask = Đơn vị công tác của người được đề cử. Ví dụ: <i>THPT Lê Lợi</i>
nomination-award-label = Danh hiệu / hình thức khen thưởng đề nghị
nomination-award-short = Danh hiệu
nomination-award-ask = Đề nghị danh hiệu thi đua hoặc hình thức khen thưởng nào?
nomination-title-label = Tóm tắt thành tích
nomination-title-short = Tóm tắt
nomination-title-ask = Một câu tóm tắt thành tích (tối đa 300 ký tự). Ví dụ: <i>Cứu hai học sinh bị đuối nước ngày 12/10/2025</i>
nomination-achievements-label = Báo cáo thành tích
nomination-achievements-short = Báo cáo
nomination-achievements-ask = Trình bày thành tích cụ thể, kết quả đạt được, có số liệu. (Văn bản dài có thể gửi thành nhiều tin nhắn.)
nomination-attachments-label = Minh chứng và ảnh
nomination-attachments-short = Minh chứng
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
initiative-campaign-short = Phong trào
initiative-campaign-ask = Sáng kiến này nộp cho phong trào (đợt) thi đua nào đang nhận hồ sơ?
nomination-campaign-label = Phong trào thi đua
nomination-campaign-short = Phong trào
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

## Phong trào thi đua
command-campaigns = Phong trào đang nhận hồ sơ
not-allowed = ⛔ Thầy/cô không có quyền thực hiện thao tác này.
campaign-status-draft = nháp
campaign-status-scheduled = chưa mở
campaign-status-open = đang nhận hồ sơ
campaign-status-closed = đã đóng
campaigns-open-title = 📣 <b>Phong trào đang nhận hồ sơ của đơn vị thầy/cô</b>
campaigns-open-item = <b>{ $title }</b>
    Hạn chót: { $deadline } (còn { $left })
campaigns-open-none = Hiện chưa có phong trào nào đang nhận hồ sơ của đơn vị thầy/cô. Thầy/cô vẫn có thể nộp hồ sơ không thuộc phong trào bằng /submit.
campaign-not-open = ⛔ Phong trào này đã hết hạn hoặc không nhận loại hồ sơ này từ đơn vị của thầy/cô. Gõ /campaigns để xem các phong trào đang nhận hồ sơ.
campaigns-admin-title = 🗂 <b>Quản lý phong trào</b> (mới nhất trước)
campaigns-admin-none = Chưa có phong trào nào.
campaigns-admin-item = #{ $id } <b>{ $title }</b> — { $status }, hạn { $deadline }, đã nhận { $received } hồ sơ
campaign-new-button = ➕ Tạo phong trào mới
campaign-not-found = Không tìm thấy phong trào này.
campaign-admin-details =
    <b>#{ $id } { $title }</b>
    Trạng thái: { $status }
    Nhận hồ sơ: { $opens } – { $deadline }
    Thông báo lúc: { $announce }
    Đối tượng: { $audience }
    Nhắc hạn: { $reminders }
campaign-audience-everyone = Toàn ngành (mọi đơn vị)
campaign-audience-units = { $n } đơn vị
campaign-preview-button = 👁 Xem thông báo
campaign-extend-button = 🗓 Gia hạn
campaign-close-button = ⛔ Đóng sớm
campaign-close-confirm = Đóng sớm phong trào <b>{ $title }</b>? Sau khi đóng, hồ sơ mới sẽ không được nhận và không còn nhắc hạn.
campaign-close-yes = Có, đóng phong trào
campaign-close-no = Không
campaign-closed-done = ✅ Đã đóng phong trào <b>{ $title }</b>.
campaign-extend-ask = Nhập <b>hạn chót mới</b> theo dạng ngày/tháng/năm giờ:phút, ví dụ <i>20/12/2026 17:00</i> (chỉ ghi ngày thì hiểu là 17:00).
campaign-extend-cancelled = Đã dừng gia hạn. Hạn chót giữ nguyên.
campaign-extended-done = ✅ Đã gia hạn đến { $deadline }. Những người trong đối tượng sẽ được báo hạn mới; lịch nhắc hạn được tính lại.
campaign-create-cancelled = Đã dừng tạo phong trào. Chưa có gì được lưu hay gửi đi.
campaign-problem-title-empty = Tên phong trào không được để trống.
campaign-problem-title-too-long = Tên phong trào dài quá { $max } ký tự. Vui lòng rút gọn.
campaign-problem-description-too-long = Nội dung dài quá { $max } ký tự (thông báo phải vừa một tin nhắn). Vui lòng rút gọn.
campaign-problem-description-markup = Nội dung có định dạng Telegram không nhận. Vui lòng gửi lại, dùng nút định dạng của Telegram (in đậm, in nghiêng) thay cho thẻ HTML.
campaign-problem-description-empty = Nội dung thông báo trống. Vui lòng nhập nội dung.
campaign-problem-accepts-nothing = Phong trào phải nhận ít nhất một loại hồ sơ.
campaign-problem-deadline-not-after-opening = Hạn chót phải sau thời điểm bắt đầu nhận hồ sơ và sau thời điểm hiện tại. Vui lòng nhập lại.
campaign-problem-deadline-past = Hạn chót đã qua. Vui lòng tạo lại với hạn chót trong tương lai.
campaign-problem-announce-after-deadline = Thời điểm thông báo phải trước hạn chót. Vui lòng nhập lại.
campaign-problem-reminder-spec = Chưa hiểu lịch nhắc. Ghi các mốc cách nhau bởi dấu phẩy: số ngày (7d), số giờ (12h) hoặc morning (7 giờ sáng ngày hạn chót). Ví dụ: <i>7d, 3d, 1d, morning</i>
campaign-problem-not-later = Hạn chót mới phải sau hạn chót hiện tại và sau thời điểm hiện tại.
campaign-problem-closed = Phong trào đã đóng sớm; không thể gia hạn hay đóng lại lần nữa.
campaign-problem-datetime = Chưa đúng dạng ngày giờ. Nhập theo dạng ngày/tháng/năm giờ:phút, ví dụ <i>15/12/2026 17:00</i> (chỉ ghi ngày thì hiểu là 17:00).
campaign-ask-title =
    { $header } — <b>Tên phong trào</b>
    Ví dụ: <i>Phong trào thi đua “Đổi mới, sáng tạo trong dạy và học” năm học 2026–2027</i>
campaign-ask-description =
    { $header } — <b>Nội dung phát động</b>
    Gõ hoặc dán nội dung (có thể dùng chữ đậm, nghiêng, liên kết). Nội dung được gửi đúng như định dạng thầy/cô nhập.
campaign-ask-accepts =
    { $header } — <b>Loại hồ sơ nhận</b>
    Phong trào nhận sáng kiến, đề cử hay cả hai?
campaign-accepts-both = Cả hai
campaign-ask-audience =
    { $header } — <b>Đối tượng</b>
    Gửi cho toàn ngành hay chỉ một số cụm, khối thi đua hoặc đơn vị?
campaign-audience-by-clusters = Theo cụm thi đua
campaign-audience-by-blocks = Theo khối thi đua
campaign-audience-by-units = Chọn từng đơn vị
campaign-audience-choose-clusters = Chọn các cụm thi đua (bấm để chọn/bỏ chọn), rồi bấm “Xong”.
campaign-audience-choose-blocks = Chọn các khối thi đua (bấm để chọn/bỏ chọn), rồi bấm “Xong”.
campaign-audience-done = ✅ Xong
campaign-audience-none-chosen = Chưa chọn mục nào. Bấm vào ít nhất một mục, rồi bấm “Xong”.
campaign-audience-type-unit = Gõ một phần tên đơn vị (không cần dấu), ví dụ <i>le loi</i>. Có thể thêm nhiều đơn vị.
campaign-audience-pick-unit = Bấm vào đơn vị cần thêm:
campaign-audience-units-chosen =
    Đã chọn:
    { $list }
    Gõ tên đơn vị khác để thêm, hoặc bấm “Xong”.
campaign-ask-opens =
    { $header } — <b>Bắt đầu nhận hồ sơ</b>
    Bấm “Ngay bây giờ” hoặc nhập ngày giờ, ví dụ <i>01/12/2026 07:00</i>.
campaign-now = ⏱ Ngay bây giờ
campaign-ask-deadline =
    { $header } — <b>Hạn chót nộp hồ sơ</b>
    Nhập ngày giờ, ví dụ <i>15/12/2026 17:00</i> (chỉ ghi ngày thì hiểu là 17:00). Sau hạn chót, hồ sơ sẽ không được nhận.
campaign-ask-announce =
    { $header } — <b>Thời điểm gửi thông báo</b>
    Bấm “Gửi ngay” hoặc nhập ngày giờ gửi, ví dụ <i>30/11/2026 08:00</i>.
campaign-announce-now = 📣 Gửi ngay
campaign-ask-reminders =
    { $header } — <b>Nhắc hạn</b>
    Nhắc những người chưa nộp vào các mốc nào trước hạn chót? Chọn một nút, hoặc gõ các mốc, ví dụ <i>7d, 3d, 1d, morning</i>.
campaign-reminders-default = 7, 3, 1 ngày trước và sáng ngày hạn chót
campaign-reminders-none = Không nhắc
campaign-preview-intro = { $header } — <b>Xem trước</b>. Thông báo sẽ đến người nhận đúng như sau:
campaign-preview-plan =
    Gửi thông báo: <b>{ $announce }</b>
    Nhắc hạn: <b>{ $reminders }</b>
    Bấm “Tạo phong trào” để lưu và lên lịch gửi.
campaign-confirm = ✅ Tạo phong trào
campaign-created = ✅ Đã tạo phong trào #{ $id }. Thông báo sẽ được gửi theo lịch; theo dõi tiến độ bằng /broadcasts.

## Gửi thông báo (quản trị)
broadcasts-title = 📬 <b>Các đợt gửi gần đây</b>
broadcasts-none = Chưa có đợt gửi nào.
broadcasts-refresh = 🔄 Cập nhật

## Phân quyền
role-admin = Quản trị
role-reviewer = Thành viên hội đồng
role-unit_head = Thủ trưởng đơn vị
roles-usage =
    <b>Phân quyền</b>
    /roles grant admin <i>telegram_id</i> — cấp quyền quản trị
    /roles revoke admin <i>telegram_id</i> — thu hồi quyền quản trị
    /roles grant unit_head <i>telegram_id MÃ_ĐƠN_VỊ</i> — thủ trưởng đơn vị
    /roles find <i>tên hoặc telegram_id</i> — tìm người
    (vai trò: admin, reviewer, unit_head; người được cấp phải đã nhắn cho bot)
roles-holder = • { $role }: { $name } ({ $id })
roles-grant-done = ✅ Đã cấp quyền “{ $role }” cho { $id }.
roles-revoke-done = ✅ Đã thu hồi quyền “{ $role }” của { $id }.
roles-grant-unchanged = { $id } đã có quyền “{ $role }”.
roles-revoke-unchanged = { $id } không có quyền “{ $role }”.
roles-unknown-person = Chưa có ai với Telegram id { $id } nhắn cho bot. Nhờ người đó gõ /start trước.
roles-last-admin = Không thể thu hồi quyền của quản trị viên cuối cùng.
form-draft-campaign-closed = ⛔ Phong trào mà bản nháp này chọn đã hết hạn nhận hồ sơ. Thầy/cô có thể hoàn thiện bản nháp; khi gửi, bot sẽ đề nghị chọn phong trào khác còn nhận hồ sơ (hoặc không thuộc phong trào nào).
campaign-edit-title-button = ✏️ Sửa tên
campaign-edit-description-button = ✏️ Sửa nội dung
campaign-edit-cancelled = Đã dừng sửa. Phong trào giữ nguyên.
campaign-edited = ✅ Đã lưu. Các thông báo, nhắc hạn gửi từ nay dùng nội dung mới.

## Xác nhận của đơn vị và quyết định công nhận
scope-unit = cấp cơ sở
scope-province = cấp tỉnh
scope-nation = toàn quốc
endorse-open-button = 📂 Mở hồ sơ
endorse-queue-empty = Không có hồ sơ nào của đơn vị đang chờ thầy/cô xác nhận.
endorse-queue-title = 📥 <b>Hồ sơ chờ xác nhận</b> ({ $count }). Bấm để mở:
endorse-card =
    <b>{ $code }</b> — { $kind }
    <b>{ $title }</b>
    Người nộp: { $submitter }
    Nhận lúc: { $received }
    Trạng thái: { $status }
    Tác giả:
    { $authors }
    Tệp đính kèm: { $files }
endorse-choose = Thầy/cô xác nhận hồ sơ để chuyển Hội đồng, hay trả lại để tác giả bổ sung?
endorse-ok-button = ✅ Xác nhận, chuyển Hội đồng
endorse-return-button = ↩️ Trả lại để bổ sung
endorse-done = ✅ Đã xác nhận hồ sơ <b>{ $code }</b> và chuyển Hội đồng. Tác giả đã được báo.
review-own-submission = Đây là hồ sơ của chính thầy/cô (người gửi hoặc đồng tác giả), nên thầy/cô không thể tự duyệt hay quyết định. Một lãnh đạo khác của đơn vị, hoặc quản trị viên, sẽ thực hiện.
review-wrong-stage = Hồ sơ này đã ở trạng thái “{ $status }”, không thể thực hiện thao tác này nữa.
review-ask-return-note = Nhập <b>nội dung cần bổ sung, sửa chữa</b> (tối đa { $max } ký tự). Tác giả sẽ nhận được nguyên văn.
review-ask-reasons = Nhập <b>lý do không công nhận</b> (bắt buộc theo quy định; tối đa { $max } ký tự). Người nộp sẽ nhận được nguyên văn.
review-ask-decision = Nhập <b>số và ngày quyết định</b>, ví dụ <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-cancelled = Đã dừng. Hồ sơ giữ nguyên trạng thái.
review-problem-decision-format = Chưa đúng dạng. Nhập số quyết định rồi ngày, ví dụ <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-problem-note-required = Nội dung không được để trống. Vui lòng nhập lại.
review-problem-note-too-long = Nội dung dài quá { $max } ký tự. Vui lòng rút gọn.
review-problem-number-required = Cần số quyết định (tối đa 50 ký tự). Ví dụ <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-problem-date-invalid = Ngày quyết định không hợp lệ. Ví dụ <i>1234/QĐ-SGDĐT 15/12/2026</i>.
review-problem-decision-revoked = Quyết định số này, ngày này đã bị thu hồi: không thể công nhận theo quyết định ấy. Nhập số và ngày của một quyết định khác.
review-done-return = ↩️ Đã trả lại hồ sơ <b>{ $code }</b>. Tác giả đã được báo kèm nội dung cần bổ sung.
review-done-refuse = Đã ghi quyết định không công nhận hồ sơ <b>{ $code }</b>. Người nộp đã được báo kèm lý do.
review-done-recognise = 🏅 Đã ghi quyết định công nhận hồ sơ <b>{ $code }</b>. Người nộp đã được báo.
submitter-endorsed = ✅ Hồ sơ <b>{ $code }</b> ({ $title }) đã được đơn vị xác nhận và chuyển Hội đồng thi đua – khen thưởng.
submitter-returned =
    ↩️ Hồ sơ <b>{ $code }</b> ({ $title }) được trả lại để bổ sung:
    <i>{ $note }</i>
    Bấm “Sửa và gửi lại” bên dưới (hoặc gõ /my và mở hồ sơ).
submitter-recognised = 🏅 Chúc mừng! Hồ sơ <b>{ $code }</b> ({ $title }) được công nhận, phạm vi { $scope } (Quyết định số { $number } ngày { $date }).
submitter-refused =
    Hồ sơ <b>{ $code }</b> ({ $title }) không được công nhận.
    Lý do: <i>{ $reasons }</i>
decide-queue-empty = Không có hồ sơ nào đang chờ quyết định.
decide-queue-title = 🏛 <b>Hồ sơ chờ quyết định</b> ({ $count }). Bấm để mở:
decide-recognise-unit = 🏅 Công nhận — cấp cơ sở
decide-recognise-province = 🏅 Công nhận — cấp tỉnh
decide-recognise-nation = 🏅 Công nhận — toàn quốc
decide-refuse = ⛔ Không công nhận
roles-person = • { $name } — { $unit } ({ $id })
roles-find-none = Không tìm thấy ai.
roles-unit-required = Thủ trưởng đơn vị cần mã đơn vị: <i>/roles grant unit_head telegram_id MÃ_ĐƠN_VỊ</i>
help-unit-head =
    <b>Thủ trưởng đơn vị:</b>
    /queue — hồ sơ của đơn vị chờ xác nhận
help-reviewer =
    <b>Hội đồng:</b>
    /review — hồ sơ chờ thầy/cô chấm
campaign-endorsement-skip-button = ⏭ Bỏ bước thủ trưởng xác nhận
campaign-endorsement-require-button = ✅ Cần thủ trưởng xác nhận
campaign-endorsement-skipped = Đã bỏ bước thủ trưởng xác nhận: hồ sơ nộp từ nay chuyển thẳng Hội đồng.
campaign-endorsement-required = Hồ sơ nộp từ nay cần thủ trưởng đơn vị xác nhận trước khi chuyển Hội đồng.

## Thống kê
stats-of-year = năm học { $year }
stats-of-campaign = phong trào “{ $title }”
stats-usage = Gõ <i>/stats</i> (năm học hiện tại), <i>/stats 2025-2026</i> (một năm học) hoặc <i>/stats c12</i> (phong trào số 12).
stats-headline =
    📊 <b>Thống kê { $label }</b>
    Tiếp nhận <b>{ $received }</b> hồ sơ ({ $initiatives } sáng kiến, { $nominations } đề cử). Công nhận <b>{ $recognised }</b>: { $nation } có phạm vi ảnh hưởng toàn quốc, { $province } toàn tỉnh, { $unit } cấp cơ sở. Không công nhận: { $refused }. Đang xử lý: { $inProgress }. Đã rút: { $withdrawn }.
stats-by-status = {""}
    <b>Theo trạng thái</b>
stats-status-line = • { $status }: { $n }
stats-by-cluster = {""}
    <b>Theo cụm thi đua</b> (tiếp nhận / công nhận)
stats-by-block = {""}
    <b>Theo khối thi đua</b> (tiếp nhận / công nhận)
stats-by-unit = {""}
    <b>Theo đơn vị</b> ({ $n } nhiều nhất trong { $total })
stats-group-line = • { $name }: { $received } / { $recognised }
stats-chart-caption = 📈 Biểu đồ { $label }
stats-chart-title = Thống kê { $label }: tiếp nhận { $received }, công nhận { $recognised }
stats-chart-outcomes = Kết quả
stats-chart-nation = Công nhận, toàn quốc
stats-chart-province = Công nhận, toàn tỉnh
stats-chart-unit = Công nhận, cấp cơ sở
stats-chart-refused = Không công nhận
stats-chart-in-progress = Đang xử lý
stats-chart-received = Tiếp nhận
stats-chart-recognised = Công nhận
stats-chart-by-block = Theo khối thi đua
stats-chart-by-cluster = { $shown ->
        [top] Theo cụm thi đua ({ $n } nhiều nhất trong { $total })
       *[all] Theo cụm thi đua
    }

## Xuất phụ lục
export-file-name = phu-luc-{ $label }
export-caption = 📎 Phụ lục { $label }: { $rows } hồ sơ (XLSX: hồ sơ, theo đơn vị, theo cụm/khối; kèm CSV).
export-sheet-submissions = Hồ sơ
export-sheet-units = Theo đơn vị
export-sheet-groups = Theo cụm, khối
export-columns = Mã hồ sơ | Tên | Tác giả (tỷ lệ đóng góp) | Người được đề cử | Danh hiệu, hình thức khen thưởng đề nghị | Đơn vị | Cụm thi đua | Khối thi đua | Loại | Phong trào | Trạng thái | Ngày nhận | Phạm vi công nhận | Số quyết định | Ngày quyết định | Điểm trung bình | Số đơn vị áp dụng | Số huyện áp dụng
export-unit-columns = Đơn vị | Cụm thi đua | Khối thi đua | Tiếp nhận | Công nhận
export-group-columns = Nhóm | Tên | Tiếp nhận | Công nhận
export-cluster = Cụm thi đua
export-block = Khối thi đua

## Hội đồng
council-usage =
    <i>/council c12 telegram_id telegram_id …</i> — chọn thành viên hội đồng chấm phong trào số 12 (đã có vai trò reviewer)
    <i>/council c12 assign</i> — phân công các hồ sơ đã xác nhận cho thành viên, đều nhau, không chấm hồ sơ của đơn vị mình
    <i>/council c12 deadline 20/12/2026 17:00</i> — hạn chấm (nhắc trước 3 ngày, 1 ngày)
    <i>/council c12 rubric</i> — xem và đặt tiêu chí chấm (có trọng số) của phong trào
council-assigned = ✅ Đã phân công { $n } hồ sơ.
council-reviewers-set = ✅ Hội đồng của phong trào có { $n } thành viên.
council-not-a-reviewer = { $id } chưa có vai trò thành viên hội đồng (/roles grant reviewer { $id }).
council-queue-empty = Không có hồ sơ nào đang chờ thầy/cô chấm.
council-queue-title = 🧑‍⚖️ <b>Hồ sơ chờ chấm</b> ({ $count }). Bấm để mở:
council-card =
    <b>{ $code }</b> — { $kind }
    <b>{ $title }</b>
council-choose = Chấm điểm hồ sơ này, hay báo có xung đột lợi ích (hồ sơ sẽ được giao người khác)?
council-score-button = 📝 Chấm điểm
council-conflict-button = ⚠️ Xung đột lợi ích
council-conflict-done = Đã ghi nhận xung đột lợi ích; hồ sơ đã được giao cho thành viên khác.
council-conflict-unassigned = Đã ghi nhận xung đột lợi ích. Chưa có thành viên nào khác chấm được hồ sơ này; quản trị sẽ bổ sung.
council-rubric-changed = Tiêu chí chấm của phong trào vừa được thay đổi nên điểm này chưa được lưu. Gõ /review, mở lại hồ sơ và chấm theo tiêu chí mới.
council-already-done = Hồ sơ này đã được chấm hoặc không còn giao cho thầy/cô.
council-ask-score = <b>Bước { $step }/{ $total }</b> — <b>{ $criterion }</b>: cho điểm từ 0 đến { $max } (ví dụ <i>7.5</i>).
council-score-hint = Điểm là một số từ 0 đến { $max }, ví dụ <i>8</i> hoặc <i>7.5</i>.
council-score-cancelled = Đã dừng chấm. Chưa có điểm nào được lưu.
council-ask-comment = <b>Bước { $step }/{ $total }</b> — <b>Nhận xét</b> (không bắt buộc).
council-no-comment = Bỏ qua
council-ask-recommendation = <b>Bước { $step }/{ $total }</b> — <b>Đề xuất</b> của thầy/cô:
council-scored = ✅ Đã lưu. Điểm (bình quân có trọng số): <b>{ $total }</b>/10.
recommendation-recognise_nation = Công nhận — toàn quốc
recommendation-recognise_province = Công nhận — cấp tỉnh
recommendation-recognise_unit = Công nhận — cấp cơ sở
recommendation-refuse = Không công nhận
rubric-novelty = Tính mới
rubric-effectiveness = Hiệu quả
rubric-applicability = Khả năng áp dụng, phạm vi ảnh hưởng
rubric-scientific = Tính khoa học
rubric-achievement = Thành tích
rubric-example = Tính nêu gương
rubric-evidence = Minh chứng
rubric-title-own = <b>Tiêu chí chấm { $kind }</b> (riêng của phong trào):
rubric-title-default = <b>Tiêu chí chấm { $kind }</b> (mặc định):
rubric-line = { $n }. { $name } — trọng số { $weight } ({ $share }%)
rubric-usage =
    Đặt tiêu chí riêng: dòng đầu là lệnh, mỗi dòng sau là một tiêu chí và trọng số, ví dụ:
    <code>/council c{ $id } rubric initiative
    Tính mới 30
    Hiệu quả 30
    Khả năng áp dụng 25
    Tính khoa học 15</code>
    (<i>nomination</i> cho hồ sơ đề cử). Trở về mặc định: <code>/council c{ $id } rubric initiative default</code>
rubric-saved = ✅ Đã lưu tiêu chí chấm.
rubric-problem-empty = Chưa có tiêu chí nào: mỗi dòng sau dòng lệnh là một tiêu chí và trọng số, ví dụ <i>Tính mới 30</i>.
rubric-problem-too-many = Tối đa { $max } tiêu chí. Gộp bớt rồi gửi lại cả lệnh.
rubric-problem-no-weight = Dòng { $line } thiếu trọng số: ghi tên tiêu chí rồi một số nguyên, ví dụ <i>Tính mới 30</i>. Sửa dòng đó rồi gửi lại cả lệnh.
rubric-problem-weight = Dòng { $line }: trọng số là số nguyên từ 1 đến 100. Sửa dòng đó rồi gửi lại cả lệnh.
rubric-problem-name = Dòng { $line }: tên tiêu chí dài từ 1 đến 80 ký tự. Sửa dòng đó rồi gửi lại cả lệnh.
rubric-problem-duplicate = Dòng { $line } trùng tên với một tiêu chí phía trên. Sửa dòng đó rồi gửi lại cả lệnh.
rubric-in-use = Đã có hồ sơ { $kind } được chấm theo tiêu chí hiện tại, nên không đổi được nữa (điểm đã chấm sẽ không còn khớp).
rubric-kind-not-taken = Phong trào này không nhận hồ sơ { $kind }.
council-deadline-set = ✅ Hạn chấm: { $deadline }. Thành viên còn hồ sơ chưa chấm sẽ được nhắc trước 3 ngày và 1 ngày.
council-deadline-past = Hạn chấm phải ở tương lai.
council-reminder =
    ⏰ <b>Nhắc hạn chấm</b>
    Thầy/cô còn hồ sơ chưa chấm của phong trào <b>{ $title }</b>; hạn chấm { $deadline } (còn { $left }). Gõ /review để chấm.
decide-reviews = <b>Hội đồng chấm</b>
decide-review-line = • { $name }: { $total }/10, đề xuất: { $recommendation }{ $comment }

## Personal data
command-mydata = Dữ liệu cá nhân bot đang lưu
mydata-caption = 📄 Toàn bộ dữ liệu cá nhân bot đang lưu về thầy/cô (hồ sơ, vai trò, hồ sơ đã nộp và bản nháp, đánh giá đã chấm). Muốn xoá dữ liệu, thầy/cô liên hệ quản trị viên của Sở.
erase-usage = Cách dùng: <code>/erase &lt;Telegram ID&gt;</code> — xoá dữ liệu cá nhân của một người theo yêu cầu của họ (Nghị định 13/2023/NĐ-CP). Số liệu thống kê, mã hồ sơ và quyết định được giữ nguyên.
erase-confirm = Xoá dữ liệu cá nhân của <b>{ $name }</b> (ID { $id })? Họ tên, danh tính Telegram, bản nháp và việc đang làm dở sẽ bị xoá; mã hồ sơ, trạng thái, quyết định và điểm chấm được giữ (không còn gắn với tên). Không thể hoàn tác.
erase-yes = Xoá dữ liệu
erase-no = Không
erase-done = Đã xoá dữ liệu cá nhân của ID { $id }.
privacy-notice = 🔒 <i>Bot lưu họ tên, đơn vị, hồ sơ thầy/cô nộp và kết quả xét duyệt để phục vụ công tác thi đua – khen thưởng của Sở, theo Nghị định 13/2023/NĐ-CP. Gõ /mydata để xem toàn bộ dữ liệu bot đang lưu; muốn xoá, thầy/cô liên hệ quản trị viên.</i>

# Menu lệnh của người có vai trò (chỉ trong chat của họ)
command-queue = Hồ sơ chờ tôi xác nhận
command-review = Hồ sơ được giao cho tôi chấm
command-decide = Quyết định công nhận hồ sơ đã xét
command-council = Hội đồng: tiêu chí và thành viên chấm
command-newcampaign = Phát động phong trào thi đua mới
command-broadcasts = Tiến độ gửi thông báo
command-stats = Thống kê và biểu đồ
command-export = Phụ lục báo cáo (XLSX và CSV)
command-roles = Cấp và thu hồi vai trò

## Batch decisions
batch-button = 📦 Một quyết định cho cả phong trào
batch-pick-campaign = Chọn phong trào để lập <b>một quyết định</b> cho mọi hồ sơ đã qua Hội đồng:
batch-pick-none = Không có phong trào nào có hồ sơ chờ quyết định.
batch-campaign-button = { $title } ({ $waiting } hồ sơ)
batch-continue-button = ↪️ Tiếp tục bản đề xuất QĐ { $number }
batch-ask-number =
    { $header } Nhập <b>số và ngày</b> của quyết định, ví dụ <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-ask-signer =
    { $header } Quyết định số <b>{ $number }</b> ngày { $date }.
    Nhập <b>họ tên người ký</b>, ví dụ <i>Nguyễn Văn An</i>.
batch-problem-decision-format = Chưa đúng dạng. Nhập số quyết định rồi ngày, ví dụ <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-problem-number-required = Cần số quyết định (tối đa 50 ký tự), ví dụ <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-problem-date-invalid = Ngày quyết định không có thật. Nhập lại, ví dụ <i>336/QĐ-SGDĐT 15/06/2026</i>.
batch-problem-signer-required = Cần họ tên người ký (tối đa 100 ký tự). Vui lòng nhập lại.
batch-counts = <b>{ $recognised } công nhận</b>: { $nation } toàn quốc, { $province } cấp tỉnh, { $unit } cấp cơ sở; <b>{ $refuse } không công nhận</b>
batch-summary =
    📋 <b>Quyết định số { $number }</b> ngày { $date }, người ký: { $signer }
    Phong trào: { $campaign } · điểm đạt: { $passMark }/10
    { $counts }
batch-summary-missing-reasons = ⚠️ { $count } hồ sơ không công nhận chưa có lý do (bắt buộc trước khi ban hành).
batch-summary-left-out = Không đưa vào quyết định: { $excluded } để ra ngoài, { $unscored } chưa được chấm.
batch-summary-help = Bấm một nhóm để xem và đổi từng hồ sơ, hoặc nhập mã hồ sơ.
batch-bucket-nation = Toàn quốc
batch-bucket-province = Cấp tỉnh
batch-bucket-unit = Cấp cơ sở
batch-bucket-refuse = Không công nhận
batch-bucket-excluded = Để ra ngoài
batch-bucket-unscored = Chưa chấm
batch-bucket-button = { $name } ({ $count })
batch-code-button = 🔎 Nhập mã hồ sơ
batch-reason-all-button = ✍️ Một lý do cho các hồ sơ chưa có lý do
batch-confirm-button = ✅ Ban hành quyết định…
batch-back-button = ↩️ Về tổng hợp
batch-page-title = <b>{ $bucket }</b> ({ $count }) — trang { $page }/{ $pages }
batch-page-empty = Nhóm này không còn hồ sơ nào.
batch-page-line = { $n }. <b>{ $code }</b> — { $title } · điểm { $average }
batch-item =
    <b>{ $code }</b> — { $title }
    Hội đồng: { $reviews } người chấm, điểm bình quân { $average }
    Đề xuất theo điểm: { $proposed }
    Trong quyết định: <b>{ $current }</b>
batch-item-reason = Lý do không công nhận: <i>{ $reason }</i>
batch-item-no-reason = ⚠️ Chưa có lý do không công nhận.
batch-exclude-button = ↩️ Để ra ngoài quyết định này
batch-include-button = ➕ Đưa lại vào quyết định
batch-reason-button = ✍️ Lý do không công nhận
batch-ask-code = Nhập mã hồ sơ, ví dụ <i>SK-2026-00042</i>.
batch-code-not-found = Không có hồ sơ <b>{ $code }</b> trong quyết định này. Nhập mã khác, hoặc bấm Hủy.
batch-ask-reason = Nhập lý do không công nhận hồ sơ <b>{ $code }</b> (tối đa { $max } ký tự). Người nộp sẽ đọc lý do này.
batch-ask-reason-all = Nhập một lý do cho { $count } hồ sơ không công nhận chưa có lý do (tối đa { $max } ký tự). Người nộp sẽ đọc lý do này.
batch-reason-all-done = ✅ Đã ghi lý do cho { $count } hồ sơ.
batch-confirm =
    Ban hành <b>Quyết định số { $number }</b> ngày { $date } (người ký: { $signer })?
    { $counts }
    Mỗi người nộp sẽ được báo kết quả qua hàng đợi gửi tin (theo dõi ở /broadcasts). Sau khi ban hành không sửa được bản đề xuất này nữa.
batch-apply-button = ✅ Ban hành
batch-applied = ✅ Đã ban hành Quyết định số <b>{ $number }</b>: { $recognised } công nhận, { $refused } không công nhận. Đang báo cho { $told } người nộp — xem tiến độ ở /broadcasts.
batch-applied-again = Quyết định này đã được ban hành; không có gì làm lại.
batch-missing-reasons = Còn { $count } hồ sơ không công nhận chưa có lý do. Pháp luật yêu cầu nêu lý do: hãy nhập trước khi ban hành.
batch-empty = Quyết định chưa có hồ sơ nào để ban hành.
batch-stale =
    ⚠️ <b>Chưa ban hành</b>: { $count } hồ sơ đã thay đổi từ lúc lập đề xuất:
    { $list }
    Bỏ các hồ sơ này ra rồi xác nhận lại, hoặc quay về để xem.
batch-stale-status = • { $code }: nay là “{ $status }”
batch-stale-changed = • { $code }: đã được sửa sau khi lập đề xuất
batch-stale-own = • { $code }: hồ sơ của chính thầy/cô (người khác phải quyết định)
batch-stale-more = … và { $count } hồ sơ nữa
batch-drop-stale-button = Bỏ các hồ sơ này ra
batch-dropped = Đã bỏ { $count } hồ sơ ra khỏi quyết định.
batch-closed = Bản đề xuất này đã được ban hành hoặc đã thay bằng bản khác.
batch-not-found = Không tìm thấy bản đề xuất hoặc hồ sơ này.
batch-number-taken = Đã có quyết định số { $number } cùng ngày. Hãy lập lại với số khác.
batch-cancelled = Đã dừng. Bản đề xuất vẫn được giữ; gõ /decide để tiếp tục.
broadcast-kind-decision = Kết quả quyết định
decision-notice =
    🏛 <b>Quyết định số { $number }</b> ngày { $date } của Sở GDĐT:
    { $items }
decision-notice-recognised = 🏅 <b>{ $code }</b> ({ $title }): được công nhận, phạm vi { $scope }.
decision-notice-refused = ⛔ <b>{ $code }</b> ({ $title }): không được công nhận. Lý do: { $reasons }

## Readable cards and resubmissions
unit-head-resubmission =
    🔁 <b>Hồ sơ đã bổ sung theo yêu cầu</b>
    { $kind } <b>{ $code }</b>: { $title }
    Người nộp: { $submitter } đã sửa và gửi lại sau khi thầy/cô trả lại.
attachment-caption = { $code } — { $name } ({ $n }/{ $count })
attachment-unnamed = tệp { $n }
answers-page = nội dung, trang { $page }/{ $pages }
decide-proposal = Bình quân: <b>{ $average }</b>/10 (điểm đạt { $passMark }) → đề xuất: <b>{ $outcome }</b>
decide-no-reviews = <i>Hội đồng chưa chấm hồ sơ này.</i>
decide-choose = Quyết định cho hồ sơ <b>{ $code }</b>:
## Decision documents and certificates
command-decisions = Văn bản quyết định, giấy chứng nhận, thu hồi
decisions-none = Chưa có quyết định nào.
decisions-title = <b>Các quyết định</b> (trang { $page }; mới nhất trước). Bấm một quyết định để lấy văn bản, danh sách, giấy chứng nhận hoặc thu hồi:
decisions-previous = ◀️ Trang trước
decisions-next = Trang sau ▶️
decisions-card =
    <b>Quyết định số { $number }</b> ngày { $date }
    Người ký: { $signer }
    Năm học: { $year }
    Số hồ sơ được công nhận: { $recognised }
decisions-card-revoked = ⛔ <b>Đã thu hồi</b> lúc { $at }: { $note }
decisions-docx-button = 📄 Quyết định (.docx)
decisions-xlsx-button = 📊 Danh sách (.xlsx)
decisions-certs-button = 📜 Tất cả giấy chứng nhận (PDF)
decisions-revoke-button = ⛔ Thu hồi quyết định
decisions-certs-caption = { $count } giấy chứng nhận, mỗi trang một giấy, khổ A4 ngang, sẵn sàng để in.
decisions-no-certificates = Quyết định này không công nhận sáng kiến nào nên không có giấy chứng nhận.
decisions-revoke-how =
    Để thu hồi Quyết định số <b>{ $number }</b>, gửi lệnh sau kèm lý do thu hồi (bắt buộc):
    <code>{ $command }&lt;lý do&gt;</code>
    Sau khi thu hồi, mọi giấy chứng nhận theo quyết định này sẽ hiện là <b>đã bị thu hồi</b> khi tra cứu. Không thể hoàn tác.
decisions-revoke-copy = 📋 Sao chép lệnh
decisions-revoked = ⛔ Đã thu hồi Quyết định số <b>{ $number }</b> ngày { $date }. Giấy chứng nhận theo quyết định này từ nay được báo là đã bị thu hồi.
decisions-revoke-note-required = Cần ghi lý do thu hồi sau số quyết định, ví dụ: <code>/decisions revoke 12 Ban hành nhầm danh sách</code>.
decisions-revoke-too-long = Lý do thu hồi quá dài; thầy/cô rút gọn rồi gửi lại.
decisions-not-found = Không tìm thấy quyết định này.
decisions-already-revoked = Quyết định này đã được thu hồi trước đó.
my-decision = Phạm vi ảnh hưởng: <b>{ $scope }</b> — Quyết định số <b>{ $number }</b> ngày { $date }
my-line-decision = , { $scope } — Quyết định số { $number } ngày { $date }
my-decision-revoked = ⛔ Quyết định này đã bị thu hồi ngày { $at }.
my-certificate-button = 📜 Giấy chứng nhận sáng kiến (PDF)
my-certificate-caption = Giấy chứng nhận sáng kiến ({ $count } tác giả, mỗi trang một giấy). Mã QR trên giấy giúp bất kỳ ai kiểm tra giấy là thật.
certificate-not-recognised = Chỉ sáng kiến đã được công nhận mới có giấy chứng nhận.
certificate-revoked = Quyết định công nhận sáng kiến này đã bị thu hồi, nên không cấp giấy chứng nhận.
verify-genuine =
    ✅ <b>Giấy chứng nhận hợp lệ</b>
    Chứng nhận <b>{ $name }</b> là tác giả sáng kiến “{ $title }” (mã hồ sơ { $code }), được công nhận với phạm vi ảnh hưởng <b>{ $scope }</b> theo Quyết định số <b>{ $number }</b> ngày { $date }.
verify-revoked =
    ⛔ <b>Giấy chứng nhận đã bị thu hồi</b>
    Giấy chứng nhận <b>{ $name }</b> là tác giả sáng kiến “{ $title }” (mã hồ sơ { $code }) theo Quyết định số <b>{ $number }</b> ngày { $date } không còn giá trị: quyết định đã bị thu hồi ngày { $revoked }.
verify-unknown = ❌ Không tìm thấy giấy chứng nhận nào có mã này. Giấy có thể bị làm giả, hoặc mã bị quét/gõ sai.
verify-too-many = Thầy/cô đã tra cứu quá nhiều lần trong một phút. Vui lòng đợi một phút rồi thử lại.
## Library
command-library = Tra cứu sáng kiến đã được công nhận
command-find = Tìm mọi hồ sơ theo mã, tên tác giả hoặc từ khoá
library-usage = Gõ <code>/library từ khoá</code> để tìm theo tên và nội dung sáng kiến (có dấu hay không dấu đều được), hoặc gõ <code>@tên_bot từ khoá</code> trong bất kỳ cuộc trò chuyện nào để chia sẻ.
library-results-for = 📚 <b>Thư viện sáng kiến</b> — kết quả cho «{ $words }»:
library-results-latest = 📚 <b>Thư viện sáng kiến</b> — các sáng kiến mới được công nhận:
library-filters-active = Đang lọc: { $filters }
library-none = Không tìm thấy sáng kiến nào. Thầy/cô thử từ khoá khác hoặc bỏ bớt bộ lọc.
library-approximate = <i>Không có kết quả khớp đủ các từ; dưới đây là các tên gần giống.</i>
library-hit = { $n }. <b>{ $title }</b> — { $code }, { $unit }, năm học { $year }
library-prev = ◀️ Trang trước
library-next = Trang sau ▶️
library-back = ↩️ Quay lại kết quả
library-filter-year = 📅 Năm học
library-filter-field = 📚 Lĩnh vực
library-filter-level = 🏫 Cấp học
library-filter-scope = 🎯 Phạm vi
library-filter-district = 📍 Huyện/TP
library-filter-clear = ✖️ Bỏ mọi bộ lọc
library-filter-ask = Chọn { $filter } (bấm lại lựa chọn đang có ✓ để bỏ lọc):
library-summary =
    💡 <b>{ $title }</b>
    Mã: { $code }
    Tác giả: { $authors }
    Đơn vị: { $unit }
    Năm học: { $year }
    Lĩnh vực: { $field }
    Phạm vi ảnh hưởng: { $scope }
    Quyết định công nhận: { $decision }
    { $applied }
library-decision = số { $number } ngày { $date }
library-applied-none = Chưa có đơn vị nào báo áp dụng.
library-applied-header = 🌱 Đang được áp dụng tại { $units } đơn vị:
library-applied-line = • { $unit } (từ { $since })
library-applied-more = … và { $n } đơn vị khác
library-files-button = 📎 Xem tệp đính kèm
library-files-not-shared = 🔒 Tác giả không chia sẻ tệp đính kèm của sáng kiến này.
library-files-none = Sáng kiến này không có tệp đính kèm.
library-apply-button = 🌱 Đơn vị tôi áp dụng sáng kiến này
library-apply-ask = Thầy/cô gửi <b>ngày bắt đầu áp dụng</b> (dd/mm/yyyy), có thể kèm ghi chú ngắn sau dấu chấm phẩy (tối đa { $max } ký tự). Ví dụ: <code>15/09/2026; áp dụng cho khối 6</code>
library-apply-cancelled = Đã huỷ, chưa ghi nhận việc áp dụng.
library-apply-done = ✅ Đã ghi nhận { $unit } áp dụng sáng kiến { $code }. Tác giả sẽ được báo tin.
library-apply-already = { $unit } đã được ghi nhận là đang áp dụng sáng kiến { $code } từ trước; không có gì thay đổi.
library-apply-problem-not-a-date = Thầy/cô gửi ngày theo dạng dd/mm/yyyy, có thể kèm ghi chú sau dấu chấm phẩy, ví dụ <code>15/09/2026; áp dụng cho khối 6</code>.
library-apply-problem-date-in-future = Ngày bắt đầu áp dụng không được sau hôm nay.
library-apply-problem-note-too-long = Ghi chú dài quá { $max } ký tự; thầy/cô rút gọn giúp.
library-applied-notice = 🌱 Sáng kiến của thầy/cô đang được áp dụng tại <b>{ $unit }</b> (từ { $since }): <b>{ $title }</b> ({ $code }). Xin chúc mừng!
library-share-turn-off = 🔒 Không chia sẻ tệp trong thư viện
library-share-turn-on = 📎 Chia sẻ tệp trong thư viện
library-share-on = ✅ Tệp đính kèm của hồ sơ này sẽ được chia sẻ trong thư viện sáng kiến khi được công nhận.
library-share-off = 🔒 Tệp đính kèm của hồ sơ này sẽ không được gửi cho ai trong thư viện sáng kiến.
library-inline-register = Đăng ký với bot để tra cứu sáng kiến
find-usage = Cách dùng: <code>/find mã hồ sơ, tên tác giả hoặc từ khoá</code>
find-none = Không tìm thấy hồ sơ nào.
find-title = 🔎 <b>{ $count } hồ sơ</b> (bấm số để xem):
find-hit = { $n }. { $code } — <b>{ $title }</b> — { $status }, { $unit }
find-status = Trạng thái: <b>{ $status }</b>
broadcast-kind-initiative-applied = Báo tin sáng kiến được áp dụng
library-receipt-share = 📎 Khi sáng kiến được công nhận, tệp đính kèm sẽ được chia sẻ trong thư viện sáng kiến để đồng nghiệp học hỏi. Thầy/cô có thể đổi ý bằng nút dưới đây hoặc trong /my.
library-stats-applied = <b>Nhân rộng:</b> { $initiatives } sáng kiến được công nhận đang được áp dụng tại { $units } đơn vị, { $districts } huyện/thành phố
library-stats-applied-line = • { $code } { $title }: { $units } đơn vị, { $districts } huyện
library-featured-header = 🌱 <b>Sáng kiến được nhân rộng nhiều nhất năm học trước</b> (gõ /library để tra cứu):
library-featured-line = • { $code } { $title } — áp dụng tại { $units } đơn vị
## Copy screening
screening-button = 🔎 Báo cáo trùng lặp ({ $count })
screening-button-pending = 🔎 Báo cáo trùng lặp (đang đối chiếu)
screening-title = 🔎 <b>Đối chiếu nội dung</b> — hồ sơ <b>{ $code }</b>
screening-disclaimer = <i>Báo cáo này chỉ nêu những đoạn có lời văn giống nhau để Hội đồng tự đối chiếu; nó không phải kết luận. Đoạn giống có thể là trích dẫn, văn bản quy định, ý tưởng phổ biến hoặc sáng kiến trước đây của chính tác giả được phát triển tiếp.</i>
screening-computed = Đã đối chiếu lúc { $at } với mọi hồ sơ gửi trước (tất cả các năm) và các hồ sơ khác cùng phong trào (phần thực trạng và nội dung giải pháp).
screening-updating = Hồ sơ vừa được gửi lại hoặc chuyển Hội đồng; báo cáo mới đang được tính, dưới đây là báo cáo gần nhất.
screening-none = Không có hồ sơ nào có từ { $threshold }% cụm từ trùng với hồ sơ này.
screening-pending = Báo cáo đang được tính (thường xong trong vòng một phút sau khi hồ sơ được gửi). Thầy/cô mở lại sau ít phút.
screening-failed = Chưa tính được báo cáo cho hồ sơ này. Quản trị viên kỹ thuật xem nguyên nhân trong nhật ký của bot.
screening-source =
    <b>{ $rank }. { $code }</b>{ $year } — { $title }
    Mức tương đồng: <b>{ $percent }%</b> (tỷ lệ cụm từ của hồ sơ này cũng có trong hồ sơ kia)
screening-year = {" "}(năm học { $year })
screening-passage-mine = ▸ Hồ sơ này: «{ $text }»
screening-passage-theirs = ◂ { $code }: «{ $text }»
screening-more = … và { $count } hồ sơ khác không hiện được vì giới hạn độ dài tin nhắn.
