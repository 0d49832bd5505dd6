<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name>ChoiceList</name>
        <message>
            <location filename="../../ui/kiosk/widgets/choice_list.py" line="93" />
            <source>◀ Previous page</source>
            <translation>◀ Previous page</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/choice_list.py" line="94" />
            <source>Next page ▶</source>
            <translation>Next page ▶</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/choice_list.py" line="156" />
            <source>Page {page} of {pages}</source>
            <translation>Page {page} of {pages}</translation>
        </message>
    </context>
    <context>
        <name>DetailsScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="166" />
            <source>(not yet confirmed: please ask at the desk)</source>
            <translation>(not yet confirmed: please ask at the desk)</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="170" />
            <source>Printing the checklist…</source>
            <translation>Printing the checklist…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="171" />
            <source>Take your checklist from the printer.</source>
            <translation>Take your checklist from the printer.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="172" />
            <source>The checklist could not be printed. Please ask at the desk.</source>
            <translation>The checklist could not be printed. Please ask at the desk.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="176" />
            <source>Get a ticket</source>
            <translation>Get a ticket</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="177" />
            <source>Print the checklist</source>
            <translation>Print the checklist</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="180" />
            <source>Documents to bring</source>
            <translation>Documents to bring</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="182" />
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="183" />
            <source>Processing time</source>
            <translation>Processing time</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="184" />
            <source>Where it is handled</source>
            <translation>Where it is handled</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="185" />
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="209" />
            <source>You can also do this online: scan the code with your phone.</source>
            <translation>You can also do this online: scan the code with your phone.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/details.py" line="211" />
            <source>Only in person.</source>
            <translation>Only in person.</translation>
        </message>
    </context>
    <context>
        <name>FieldScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/fields.py" line="60" />
            <source>What have you come for? Choose a field</source>
            <translation>What have you come for? Choose a field</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/fields.py" line="63" />
            <source>Search by name</source>
            <translation>Search by name</translation>
        </message>
    </context>
    <context>
        <name>HelpComingNotice</name>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="50" />
            <source>A volunteer is coming to help you</source>
            <translation>A volunteer is coming to help you</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="51" />
            <source>Please stay here at the kiosk.</source>
            <translation>Please stay here at the kiosk.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="52" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="84" />
            <source>Are you still there?</source>
            <translation>Are you still there?</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="87" />
            <source>In {seconds} seconds the kiosk starts again for the next person.</source>
            <translation>In {seconds} seconds the kiosk starts again for the next person.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="91" />
            <source>I need more time</source>
            <translation>I need more time</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <location filename="../../ui/kiosk/window.py" line="189" />
            <source>I need help</source>
            <translation>I need help</translation>
        </message>
    </context>
    <context>
        <name>NavigationBar</name>
        <message>
            <location filename="../../ui/kiosk/widgets/nav_bar.py" line="56" />
            <source>← Back</source>
            <translation>← Back</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/nav_bar.py" line="57" />
            <source>⌂ Start</source>
            <translation>⌂ Start</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/nav_bar.py" line="61" />
            <source>Read aloud</source>
            <translation>Read aloud</translation>
        </message>
    </context>
    <context>
        <name>PriorityScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="107" />
            <source>Printing your ticket, please wait…</source>
            <translation>Printing your ticket, please wait…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="109" />
            <source>Hold the QR code on the back of your ID card under the scanner. Only your age is used; nothing is stored.</source>
            <translation>Hold the QR code on the back of your ID card under the scanner. Only your age is used; nothing is stored.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="113" />
            <source>Your card was read: you are under {age}. Choose an answer above if one applies, or "None".</source>
            <translation>Your card was read: you are under {age}. Choose an answer above if one applies, or "None".</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="117" />
            <source>This is a health-insurance card, not an ID card. Please scan your ID card (căn cước) or choose an answer above.</source>
            <translation>This is a health-insurance card, not an ID card. Please scan your ID card (căn cước) or choose an answer above.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="121" />
            <source>This code could not be read as an ID card. Please try again, or choose an answer above.</source>
            <translation>This code could not be read as an ID card. Please try again, or choose an answer above.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="127" />
            <source>Does one of these apply to you?</source>
            <translation>Does one of these apply to you?</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="129" />
            <source>{age} or older</source>
            <translation>{age} or older</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="130" />
            <source>Disability</source>
            <translation>Disability</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="131" />
            <source>Pregnant or with a small child</source>
            <translation>Pregnant or with a small child</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="132" />
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/priority.py" line="136" />
            <source>Scan your ID card</source>
            <translation>Scan your ID card</translation>
        </message>
    </context>
    <context>
        <name>ProblemNotice</name>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="63" />
            <source>Sorry, the kiosk cannot do this right now</source>
            <translation>Sorry, the kiosk cannot do this right now</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="64" />
            <source>Please ask at the help desk or at a counter.</source>
            <translation>Please ask at the help desk or at a counter.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/notices.py" line="65" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>ProcedureScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/procedures.py" line="51" />
            <source>Tap the procedure you have come for.</source>
            <translation>Tap the procedure you have come for.</translation>
        </message>
    </context>
    <context>
        <name>RecentTicketList</name>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="63" />
            <source>Last tickets of this kiosk</source>
            <translation>Last tickets of this kiosk</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="64" />
            <source>No tickets yet.</source>
            <translation>No tickets yet.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="70" />
            <source>Reprint {label}</source>
            <translation>Reprint {label}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="74" />
            <source>printed</source>
            <translation>printed</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="76" />
            <source>print not confirmed</source>
            <translation>print not confirmed</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/recent_list.py" line="77" />
            <source>not printed</source>
            <translation>not printed</translation>
        </message>
    </context>
    <context>
        <name>SearchKeyboard</name>
        <message>
            <location filename="../../ui/kiosk/widgets/keyboard.py" line="47" />
            <source>Space</source>
            <translation>Space</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/keyboard.py" line="48" />
            <source>⌫ Erase</source>
            <translation>⌫ Erase</translation>
        </message>
    </context>
    <context>
        <name>SearchScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/search.py" line="80" />
            <source>Type a few words of the procedure's name</source>
            <translation>Type a few words of the procedure's name</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/search.py" line="83" />
            <source>No need for tone marks: "khai sinh" is enough.</source>
            <translation>No need for tone marks: "khai sinh" is enough.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/search.py" line="85" />
            <source>Nothing found. Try other words or ask for help.</source>
            <translation>Nothing found. Try other words or ask for help.</translation>
        </message>
    </context>
    <context>
        <name>StaffMenu</name>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="85" />
            <source>Testing the printer…</source>
            <translation>Testing the printer…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="132" />
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="134" />
            <source>Test the printer</source>
            <translation>Test the printer</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="94" />
            <source>The test page was sent to the printer ({target}).</source>
            <translation>The test page was sent to the printer ({target}).</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="81" />
            <source>Checking the catalogue…</source>
            <translation>Checking the catalogue…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="89" />
            <source>Reprinting {label}…</source>
            <translation>Reprinting {label}…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="96" />
            <source>The printer did not print the test page: {reason}</source>
            <translation>The printer did not print the test page: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="102" />
            <source>Ticket {label} was printed again.</source>
            <translation>Ticket {label} was printed again.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="104" />
            <source>Ticket {label} did not print: {reason}</source>
            <translation>Ticket {label} did not print: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="109" />
            <source>Catalogue not reloaded; the one in use is unchanged. Reason: {reason}</source>
            <translation>Catalogue not reloaded; the one in use is unchanged. Reason: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="112" />
            <source>Catalogue reloaded: nothing has changed.</source>
            <translation>Catalogue reloaded: nothing has changed.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="115" />
            <source>Catalogue reloaded: {added} added, {removed} removed, {changed} changed:</source>
            <translation>Catalogue reloaded: {added} added, {removed} removed, {changed} changed:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="129" />
            <source>That did not work: {what}</source>
            <translation>That did not work: {what}</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="133" />
            <source>Reload catalogue</source>
            <translation>Reload catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="135" />
            <source>Close the kiosk</source>
            <translation>Close the kiosk</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/menu.py" line="136" />
            <source>Back to the kiosk</source>
            <translation>Back to the kiosk</translation>
        </message>
    </context>
    <context>
        <name>StaffPinPad</name>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="87" />
            <source>Wrong PIN. {count} tries left.</source>
            <translation>Wrong PIN. {count} tries left.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="90" />
            <source>Too many wrong PINs: locked until {time}.</source>
            <translation>Too many wrong PINs: locked until {time}.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="92" />
            <source>No PIN is set: run kiosk-admin set-pin.</source>
            <translation>No PIN is set: run kiosk-admin set-pin.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="96" />
            <source>Staff: enter the PIN</source>
            <translation>Staff: enter the PIN</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="100" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/staff/pin_pad.py" line="101" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>TicketScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/ticket.py" line="80" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/ticket.py" line="90" />
            <source>A volunteer is coming to help you. Please wait here.</source>
            <translation>A volunteer is coming to help you. Please wait here.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/ticket.py" line="94" />
            <source>The printer could not print your ticket. This screen is your ticket: remember the number or take a photo. The help desk has been told.</source>
            <translation>The printer could not print your ticket. This screen is your ticket: remember the number or take a photo. The help desk has been told.</translation>
        </message>
    </context>
    <context>
        <name>WelcomeScreen</name>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="64" />
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="65" />
            <source>Touch to start</source>
            <translation>Touch to start</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="66" />
            <source>Choose your language:</source>
            <translation>Choose your language:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/screens/welcome.py" line="67" />
            <source>I need help</source>
            <translation>I need help</translation>
        </message>
    </context>
    <context>
        <name>MachineCheck</name>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>Check this machine</source>
            <translation>Check this machine</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>Checking this machine…</source>
            <translation>Checking this machine…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>{failed} problems, {warned} warnings:</source>
            <translation>{failed} problems, {warned} warnings:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/widgets/machine_check.py"/>
            <source>The check could not run: {error}</source>
            <translation>The check could not run: {error}</translation>
        </message>
    </context>
</TS>
