<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi">
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/display/texts.py" line="21"/>
        <source>Mời công dân có số</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="22"/>
        <source>Quầy {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="23"/>
        <source>Đang phục vụ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="24"/>
        <source>Vừa gọi</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="25"/>
        <source>Đang chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="26"/>
        <source>Không ai đang chờ</source>
        <translation>Nobody waiting</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="27"/>
        <source>Chưa gọi số nào</source>
        <translation>No number called yet</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="28"/>
        <source>Chưa có quầy nào mở</source>
        <translation>No counter open yet</translation>
    </message>
    <message>
        <location filename="../../ui/display/texts.py" line="29"/>
        <source>Mất kết nối cơ sở dữ liệu, đang kết nối lại…</source>
        <translation>Database connection lost, reconnecting…</translation>
    </message>
</context>
</TS>
