// The counter page without reloads: the desk is replaced when Server-Sent Events bring a new
// one, and F1-F4 (a USB keypad or a foot switch sends them) press the big buttons. Without
// this file the page still works by plain form posts.
(function () {
  "use strict";
  var desk = document.getElementById("desk");
  if (!desk) { return; }

  function busyChoosing() {
    var active = document.activeElement;
    return active && desk.contains(active) && active.tagName === "SELECT";
  }

  if (window.EventSource) {
    var pending = null;
    var source = new EventSource(desk.getAttribute("data-events-url"));
    source.addEventListener("desk", function (event) {
      pending = event.data;
      if (!busyChoosing()) { desk.innerHTML = pending; pending = null; }
    });
    desk.addEventListener("focusout", function () {
      if (pending !== null) {
        setTimeout(function () {
          if (pending !== null && !busyChoosing()) { desk.innerHTML = pending; pending = null; }
        }, 0);
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) { return; }
    var button = desk.querySelector('button[data-key="' + event.key + '"]');
    if (!button) { return; }
    event.preventDefault();
    if (!button.disabled && button.form) {
      if (button.form.requestSubmit) { button.form.requestSubmit(button); } else { button.form.submit(); }
    }
  });
})();
