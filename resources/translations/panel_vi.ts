<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
    <context>
        <name>FaultBanner</name>
        <message>
            <source>Printer fault at kiosk: {kiosks}</source>
            <translation>Máy in lỗi ở máy: {kiosks}</translation>
        </message>
        <message>
            <source>Clock wrong at kiosk: {kiosks}</source>
            <translation>Đồng hồ sai ở máy: {kiosks}</translation>
        </message>
    </context>
    <context>
        <name>HelpDesk</name>
        <message>
            <location filename="../../ui/panel/labels.py" line="21" />
            <source>Elderly, 60+</source>
            <translation>Người cao tuổi</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="22" />
            <source>Disability</source>
            <translation>Khuyết tật</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="23" />
            <source>Pregnant, small child</source>
            <translation>Mang thai, con nhỏ</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="24" />
            <source>Asked for help</source>
            <translation>Cần hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="25" />
            <source>Printer fault</source>
            <translation>Máy in lỗi</translation>
        </message>
        <message>
            <source>Clock wrong</source>
            <translation>Đồng hồ sai</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="32" />
            <source>Guided documents</source>
            <translation>Hướng dẫn hồ sơ</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="33" />
            <source>Filled a form</source>
            <translation>Điền tờ khai</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="34" />
            <source>VNeID: install, level 2</source>
            <translation>VNeID: cài đặt, mức 2</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="35" />
            <source>Digital signature</source>
            <translation>Chữ ký số</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="36" />
            <source>SIM card</source>
            <translation>SIM chính chủ</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="37" />
            <source>Online filing</source>
            <translation>Nộp trực tuyến</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="38" />
            <source>Other</source>
            <translation>Khác</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="118" />
            <source>Ticket</source>
            <translation>Số vé</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="119" />
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="120" />
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="121" />
            <source>Kiosk</source>
            <translation>Máy</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="122" />
            <source>Waiting</source>
            <translation>Đã chờ</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="123" />
            <source>Volunteer</source>
            <translation>Người đến</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="146" />
            <source>{name} is coming</source>
            <translation>{name} đang đến</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="148" />
            <source>No ticket</source>
            <translation>Không vé</translation>
        </message>
    </context>
    <context>
        <name>NamePicker</name>
        <message>
            <location filename="../../ui/panel/name_picker.py" line="57" />
            <source>Pick your name</source>
            <translation>Chọn tên của bạn</translation>
        </message>
        <message>
            <location filename="../../ui/panel/name_picker.py" line="59" />
            <source>No names yet. Staff add them with:
kiosk-admin volunteers add NAME</source>
            <translation>Chưa có tên nào. Nhân viên thêm tên bằng lệnh:
kiosk-admin volunteers add NAME</translation>
        </message>
        <message>
            <location filename="../../ui/panel/name_picker.py" line="61" />
            <source>Back</source>
            <translation>Quay lại</translation>
        </message>
    </context>
    <context>
        <name>OutcomePicker</name>
        <message>
            <location filename="../../ui/panel/outcome_picker.py" line="68" />
            <source>What did you help with? ({ticket}, kiosk {kiosk})</source>
            <translation>Đã hỗ trợ gì? ({ticket}, máy {kiosk})</translation>
        </message>
        <message>
            <location filename="../../ui/panel/outcome_picker.py" line="74" />
            <source>Back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <location filename="../../ui/panel/outcome_picker.py" line="75" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
    </context>
    <context>
        <name>PanelWindow</name>
        <message>
            <location filename="../../ui/panel/window.py" line="202" />
            <location filename="../../ui/panel/window.py" line="203" />
            <source>Help desk</source>
            <translation>Bàn hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="206" />
            <source>Database connection lost, reconnecting…</source>
            <translation>Mất kết nối cơ sở dữ liệu, đang kết nối lại…</translation>
        </message>
        <message>
            <source>Not saved, please try again. ({reason})</source>
            <translation>Chưa lưu được, xin thử lại. ({reason})</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="210" />
            <source>Nobody is waiting for help.</source>
            <translation>Không có ai đang chờ hỗ trợ.</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="211" />
            <source>I'm coming</source>
            <translation>Tôi đến</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="212" />
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="307" />
            <source>Tap a request</source>
            <translation>Chạm vào một yêu cầu</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="310" />
            <source>Selected: {ticket}, kiosk {kiosk}</source>
            <translation>Đã chọn: {ticket}, máy {kiosk}</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="316" />
            <source>no ticket</source>
            <translation>không vé</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="326" />
            <source>Pick your name</source>
            <translation>Chọn tên của bạn</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="328" />
            <source>{name} · Change</source>
            <translation>{name} · Đổi</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="361" />
            <source>You took the request. Go ahead.</source>
            <translation>Bạn đã nhận yêu cầu. Xin mời đến.</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="363" />
            <source>Someone else has already taken this request.</source>
            <translation>Người khác đã nhận yêu cầu này.</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="393" />
            <source>Saved. Thank you!</source>
            <translation>Đã ghi lại. Cảm ơn bạn!</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="395" />
            <source>This request was already closed.</source>
            <translation>Yêu cầu này đã được đóng.</translation>
        </message>
    </context>
    <context>
        <name>TodayCounts</name>
        <message>
            <location filename="../../ui/panel/today_counts.py" line="56" />
            <source>Today: {n} requests</source>
            <translation>Hôm nay: {n} yêu cầu</translation>
        </message>
        <message>
            <location filename="../../ui/panel/today_counts.py" line="57" />
            <source>Supported: {n}</source>
            <translation>Đã hỗ trợ: {n}</translation>
        </message>
    </context>
</TS>
