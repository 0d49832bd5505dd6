<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name>FaultBanner</name>
        <message>
            <source>Printer fault at kiosk: {kiosks}</source>
            <translation>Printer fault at kiosk: {kiosks}</translation>
        </message>
        <message>
            <source>Clock wrong at kiosk: {kiosks}</source>
            <translation>Clock wrong at kiosk: {kiosks}</translation>
        </message>
    </context>
    <context>
        <name>HelpDesk</name>
        <message>
            <location filename="../../ui/panel/labels.py" line="21" />
            <source>Elderly, 60+</source>
            <translation>Elderly, 60+</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="22" />
            <source>Disability</source>
            <translation>Disability</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="23" />
            <source>Pregnant, small child</source>
            <translation>Pregnant, small child</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="24" />
            <source>Asked for help</source>
            <translation>Asked for help</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="25" />
            <source>Printer fault</source>
            <translation>Printer fault</translation>
        </message>
        <message>
            <source>Clock wrong</source>
            <translation>Clock wrong</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="32" />
            <source>Guided documents</source>
            <translation>Guided documents</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="33" />
            <source>Filled a form</source>
            <translation>Filled a form</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="34" />
            <source>VNeID: install, level 2</source>
            <translation>VNeID: install, level 2</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="35" />
            <source>Digital signature</source>
            <translation>Digital signature</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="36" />
            <source>SIM card</source>
            <translation>SIM card</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="37" />
            <source>Online filing</source>
            <translation>Online filing</translation>
        </message>
        <message>
            <location filename="../../ui/panel/labels.py" line="38" />
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="118" />
            <source>Ticket</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="119" />
            <source>Procedure</source>
            <translation>Procedure</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="120" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="121" />
            <source>Kiosk</source>
            <translation>Kiosk</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="122" />
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="123" />
            <source>Volunteer</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="146" />
            <source>{name} is coming</source>
            <translation>{name} is coming</translation>
        </message>
        <message>
            <location filename="../../ui/panel/model.py" line="148" />
            <source>No ticket</source>
            <translation>No ticket</translation>
        </message>
    </context>
    <context>
        <name>NamePicker</name>
        <message>
            <location filename="../../ui/panel/name_picker.py" line="57" />
            <source>Pick your name</source>
            <translation>Pick your name</translation>
        </message>
        <message>
            <location filename="../../ui/panel/name_picker.py" line="59" />
            <source>No names yet. Staff add them with:
kiosk-admin volunteers add NAME</source>
            <translation>No names yet. Staff add them with:
kiosk-admin volunteers add NAME</translation>
        </message>
        <message>
            <location filename="../../ui/panel/name_picker.py" line="61" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
    </context>
    <context>
        <name>OutcomePicker</name>
        <message>
            <location filename="../../ui/panel/outcome_picker.py" line="68" />
            <source>What did you help with? ({ticket}, kiosk {kiosk})</source>
            <translation>What did you help with? ({ticket}, kiosk {kiosk})</translation>
        </message>
        <message>
            <location filename="../../ui/panel/outcome_picker.py" line="74" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../ui/panel/outcome_picker.py" line="75" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>PanelWindow</name>
        <message>
            <location filename="../../ui/panel/window.py" line="202" />
            <location filename="../../ui/panel/window.py" line="203" />
            <source>Help desk</source>
            <translation>Help desk</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="206" />
            <source>Database connection lost, reconnecting…</source>
            <translation>Database connection lost, reconnecting…</translation>
        </message>
        <message>
            <source>Not saved, please try again. ({reason})</source>
            <translation>Not saved, please try again. ({reason})</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="210" />
            <source>Nobody is waiting for help.</source>
            <translation>Nobody is waiting for help.</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="211" />
            <source>I'm coming</source>
            <translation>I'm coming</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="212" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="307" />
            <source>Tap a request</source>
            <translation>Tap a request</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="310" />
            <source>Selected: {ticket}, kiosk {kiosk}</source>
            <translation>Selected: {ticket}, kiosk {kiosk}</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="316" />
            <source>no ticket</source>
            <translation>no ticket</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="326" />
            <source>Pick your name</source>
            <translation>Pick your name</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="328" />
            <source>{name} · Change</source>
            <translation>{name} · Change</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="361" />
            <source>You took the request. Go ahead.</source>
            <translation>You took the request. Go ahead.</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="363" />
            <source>Someone else has already taken this request.</source>
            <translation>Someone else has already taken this request.</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="393" />
            <source>Saved. Thank you!</source>
            <translation>Saved. Thank you!</translation>
        </message>
        <message>
            <location filename="../../ui/panel/window.py" line="395" />
            <source>This request was already closed.</source>
            <translation>This request was already closed.</translation>
        </message>
    </context>
    <context>
        <name>TodayCounts</name>
        <message>
            <location filename="../../ui/panel/today_counts.py" line="56" />
            <source>Today: {n} requests</source>
            <translation>Today: {n} requests</translation>
        </message>
        <message>
            <location filename="../../ui/panel/today_counts.py" line="57" />
            <source>Supported: {n}</source>
            <translation>Supported: {n}</translation>
        </message>
    </context>
</TS>
