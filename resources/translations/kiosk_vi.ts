<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
    <context>
        <name>ChoiceList</name>
        <message>
            <location filename="../../ui/kiosk/widgets/choice_list.py" line="93" />
            <source>◀ Previous page</source>
            <translation>◀ Trang trước</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/choice_list.py" line="94" />
            <source>Next page ▶</source>
            <translation>Trang sau ▶</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/choice_list.py" line="156" />
            <source>Page {page} of {pages}</source>
            <translation>Trang {page}/{pages}</translation>
        </message>
    </context>
    <context>
        <name>DetailsScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="166" />
            <source>(not yet confirmed: please ask at the desk)</source>
            <translation>(chưa được xác nhận: vui lòng hỏi tại quầy)</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="170" />
            <source>Printing the checklist…</source>
            <translation>Đang in danh sách giấy tờ…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="171" />
            <source>Take your checklist from the printer.</source>
            <translation>Mời bạn lấy danh sách giấy tờ ở máy in.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="172" />
            <source>The checklist could not be printed. Please ask at the desk.</source>
            <translation>Không in được danh sách giấy tờ. Vui lòng hỏi tại quầy hỗ trợ.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="176" />
            <source>Get a ticket</source>
            <translation>Lấy số thứ tự</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="177" />
            <source>Print the checklist</source>
            <translation>In danh sách giấy tờ</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="180" />
            <source>Documents to bring</source>
            <translation>Giấy tờ cần mang theo</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="182" />
            <source>Fee</source>
            <translation>Lệ phí</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="183" />
            <source>Processing time</source>
            <translation>Thời gian giải quyết</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="184" />
            <source>Where it is handled</source>
            <translation>Nơi giải quyết</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="185" />
            <source>Online</source>
            <translation>Trực tuyến</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="209" />
            <source>You can also do this online: scan the code with your phone.</source>
            <translation>Có thể làm trực tuyến: quét mã bằng điện thoại của bạn.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="211" />
            <source>Only in person.</source>
            <translation>Chỉ làm trực tiếp.</translation>
        </message>
    </context>
    <context>
        <name>FieldScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/fields.py" line="60" />
            <source>What have you come for? Choose a field</source>
            <translation>Bạn cần làm thủ tục gì? Chọn lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/fields.py" line="63" />
            <source>Search by name</source>
            <translation>Tìm theo tên thủ tục</translation>
        </message>
    </context>
    <context>
        <name>HelpComingNotice</name>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="50" />
            <source>A volunteer is coming to help you</source>
            <translation>Tình nguyện viên sẽ đến hỗ trợ bạn</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="51" />
            <source>Please stay here at the kiosk.</source>
            <translation>Xin vui lòng chờ tại máy này.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="52" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="84" />
            <source>Are you still there?</source>
            <translation>Bạn vẫn ở đây chứ?</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="87" />
            <source>In {seconds} seconds the kiosk starts again for the next person.</source>
            <translation>Sau {seconds} giây, máy sẽ quay về trang đầu cho người tiếp theo.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="91" />
            <source>I need more time</source>
            <translation>Tôi cần thêm thời gian</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <location filename="../../ui/kiosk/window.py" line="189" />
            <source>I need help</source>
            <translation>Tôi cần hỗ trợ</translation>
        </message>
    </context>
    <context>
        <name>NavigationBar</name>
        <message>
            <location filename="../../ui/kiosk/widgets/nav_bar.py" line="56" />
            <source>← Back</source>
            <translation>← Quay lại</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/nav_bar.py" line="57" />
            <source>⌂ Start</source>
            <translation>⌂ Trang đầu</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/nav_bar.py" line="61" />
            <source>Read aloud</source>
            <translation>Đọc to</translation>
        </message>
    </context>
    <context>
        <name>PriorityScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="107" />
            <source>Printing your ticket, please wait…</source>
            <translation>Đang in số thứ tự, xin chờ…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="109" />
            <source>Hold the QR code on the back of your ID card under the scanner. Only your age is used; nothing is stored.</source>
            <translation>Đưa mã QR ở mặt sau thẻ căn cước vào máy quét. Máy chỉ dùng tuổi của bạn, không lưu gì.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="113" />
            <source>Your card was read: you are under {age}. Choose an answer above if one applies, or "None".</source>
            <translation>Đã đọc thẻ: bạn chưa đủ {age} tuổi. Hãy chọn một câu trả lời ở trên nếu phù hợp, hoặc "Không".</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="117" />
            <source>This is a health-insurance card, not an ID card. Please scan your ID card (căn cước) or choose an answer above.</source>
            <translation>Đây là thẻ bảo hiểm y tế, không phải thẻ căn cước. Vui lòng quét thẻ căn cước hoặc chọn một câu trả lời ở trên.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="121" />
            <source>This code could not be read as an ID card. Please try again, or choose an answer above.</source>
            <translation>Không đọc được mã này như thẻ căn cước. Vui lòng quét lại, hoặc chọn một câu trả lời ở trên.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="127" />
            <source>Does one of these apply to you?</source>
            <translation>Bạn có thuộc nhóm nào dưới đây không?</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="129" />
            <source>{age} or older</source>
            <translation>{age} tuổi trở lên</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="130" />
            <source>Disability</source>
            <translation>Người khuyết tật</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="131" />
            <source>Pregnant or with a small child</source>
            <translation>Mang thai hoặc có con nhỏ</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="132" />
            <source>None</source>
            <translation>Không</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="136" />
            <source>Scan your ID card</source>
            <translation>Quét thẻ căn cước</translation>
        </message>
    </context>
    <context>
        <name>ProblemNotice</name>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="63" />
            <source>Sorry, the kiosk cannot do this right now</source>
            <translation>Xin lỗi, máy chưa làm được việc này lúc này</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="64" />
            <source>Please ask at the help desk or at a counter.</source>
            <translation>Vui lòng hỏi tại bàn hỗ trợ hoặc tại quầy.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="65" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
    </context>
    <context>
        <name>ProcedureScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/procedures.py" line="51" />
            <source>Tap the procedure you have come for.</source>
            <translation>Chạm vào thủ tục bạn cần làm.</translation>
        </message>
    </context>
    <context>
        <name>RecentTicketList</name>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="63" />
            <source>Last tickets of this kiosk</source>
            <translation>Các số vừa phát tại máy này</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="64" />
            <source>No tickets yet.</source>
            <translation>Chưa có số nào.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="70" />
            <source>Reprint {label}</source>
            <translation>In lại {label}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="74" />
            <source>printed</source>
            <translation>đã in</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="76" />
            <source>print not confirmed</source>
            <translation>chưa rõ đã in chưa</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="77" />
            <source>not printed</source>
            <translation>chưa in được</translation>
        </message>
    </context>
    <context>
        <name>SearchKeyboard</name>
        <message>
            <location filename="../../ui/kiosk/widgets/keyboard.py" line="47" />
            <source>Space</source>
            <translation>Dấu cách</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/keyboard.py" line="48" />
            <source>⌫ Erase</source>
            <translation>⌫ Xoá</translation>
        </message>
    </context>
    <context>
        <name>SearchScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/search.py" line="80" />
            <source>Type a few words of the procedure's name</source>
            <translation>Gõ vài chữ trong tên thủ tục</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/search.py" line="83" />
            <source>No need for tone marks: "khai sinh" is enough.</source>
            <translation>Không cần gõ dấu: "khai sinh" là đủ.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/search.py" line="85" />
            <source>Nothing found. Try other words or ask for help.</source>
            <translation>Không tìm thấy. Hãy thử chữ khác hoặc nhờ hỗ trợ.</translation>
        </message>
    </context>
    <context>
        <name>StaffMenu</name>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="85" />
            <source>Testing the printer…</source>
            <translation>Đang thử máy in…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="132" />
            <source>Staff</source>
            <translation>Nhân viên</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="134" />
            <source>Test the printer</source>
            <translation>Thử máy in</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="94" />
            <source>The test page was sent to the printer ({target}).</source>
            <translation>Đã gửi trang thử tới máy in ({target}).</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="81" />
            <source>Checking the catalogue…</source>
            <translation>Đang kiểm tra danh mục…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="89" />
            <source>Reprinting {label}…</source>
            <translation>Đang in lại số {label}…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="96" />
            <source>The printer did not print the test page: {reason}</source>
            <translation>Máy in không in được trang thử: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="102" />
            <source>Ticket {label} was printed again.</source>
            <translation>Đã in lại số {label}.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="104" />
            <source>Ticket {label} did not print: {reason}</source>
            <translation>Không in được số {label}: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="109" />
            <source>Catalogue not reloaded; the one in use is unchanged. Reason: {reason}</source>
            <translation>Không tải lại danh mục; danh mục đang dùng giữ nguyên. Lý do: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="112" />
            <source>Catalogue reloaded: nothing has changed.</source>
            <translation>Đã tải lại danh mục: không có gì thay đổi.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="115" />
            <source>Catalogue reloaded: {added} added, {removed} removed, {changed} changed:</source>
            <translation>Đã tải lại danh mục: thêm {added}, bỏ {removed}, sửa {changed}:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="129" />
            <source>That did not work: {what}</source>
            <translation>Không thực hiện được: {what}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="133" />
            <source>Reload catalogue</source>
            <translation>Tải lại danh mục</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="135" />
            <source>Close the kiosk</source>
            <translation>Đóng máy kiosk</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="136" />
            <source>Back to the kiosk</source>
            <translation>Quay lại kiosk</translation>
        </message>
    </context>
    <context>
        <name>StaffPinPad</name>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="87" />
            <source>Wrong PIN. {count} tries left.</source>
            <translation>Sai mã PIN. Còn {count} lần thử.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="90" />
            <source>Too many wrong PINs: locked until {time}.</source>
            <translation>Sai mã PIN quá nhiều lần: khoá đến {time}.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="92" />
            <source>No PIN is set: run kiosk-admin set-pin.</source>
            <translation>Chưa đặt mã PIN: chạy kiosk-admin set-pin.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="96" />
            <source>Staff: enter the PIN</source>
            <translation>Nhân viên: nhập mã PIN</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="100" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="101" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
    </context>
    <context>
        <name>TicketScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/ticket.py" line="80" />
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/ticket.py" line="90" />
            <source>A volunteer is coming to help you. Please wait here.</source>
            <translation>Tình nguyện viên sẽ đến hỗ trợ bạn. Xin chờ tại đây.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/ticket.py" line="94" />
            <source>The printer could not print your ticket. This screen is your ticket: remember the number or take a photo. The help desk has been told.</source>
            <translation>Máy in chưa in được phiếu. Màn hình này là phiếu của bạn: hãy nhớ số hoặc chụp ảnh lại. Bàn hỗ trợ đã được báo.</translation>
        </message>
    </context>
    <context>
        <name>WelcomeScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="64" />
            <source>Welcome</source>
            <translation>Xin chào</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="65" />
            <source>Touch to start</source>
            <translation>Chạm để bắt đầu</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="66" />
            <source>Choose your language:</source>
            <translation>Chọn ngôn ngữ:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="67" />
            <source>I need help</source>
            <translation>Tôi cần hỗ trợ</translation>
        </message>
    </context>
    <context>
        <name>MachineCheck</name>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>Check this machine</source>
            <translation>Kiểm tra máy</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>Checking this machine…</source>
            <translation>Đang kiểm tra máy…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>{failed} problems, {warned} warnings:</source>
            <translation>{failed} lỗi, {warned} cảnh báo:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>The check could not run: {error}</source>
            <translation>Không kiểm tra được: {error}</translation>
        </message>
    </context>
</TS>
