// The follow page stays current by itself: Server-Sent Events, and polling the state while
// they are unavailable. When the ticket is called: the banner, a chime and a vibration where
// the browser allows them (a phone may ask for one tap on the page first).
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live) { return; }
  var sound = document.getElementById("called-sound");
  var lastState = live.getAttribute("data-state");
  var pollTimer = null;
  var POLL_MS = 10000;

  function alertCalled() {
    document.body.setAttribute("data-alerts",
      String(Number(document.body.getAttribute("data-alerts") || 0) + 1));
    if (sound) {
      try {
        sound.currentTime = 0;
        var playing = sound.play();
        if (playing && playing.catch) { playing.catch(function () {}); }
      } catch (e) { /* no sound on this phone */ }
    }
    if (navigator.vibrate) {
      try { navigator.vibrate([400, 150, 400, 150, 400]); } catch (e) { /* not allowed */ }
    }
  }

  function show(data) {
    if (!data || typeof data.html !== "string") { return; }
    live.innerHTML = data.html;
    live.setAttribute("data-state", data.state);
    if (data.state === "called" && lastState !== "called") { alertCalled(); }
    lastState = data.state;
  }

  function poll() {
    if (!window.fetch) { return; }
    fetch(live.getAttribute("data-state-url"), { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(show)
      .catch(function () {});
  }

  function startPolling() {
    if (pollTimer === null) { poll(); pollTimer = setInterval(poll, POLL_MS); }
  }

  function stopPolling() {
    if (pollTimer !== null) { clearInterval(pollTimer); pollTimer = null; }
  }

  // A first tap anywhere lets the chime play later on phones that need a gesture.
  function unlockSound() {
    document.removeEventListener("click", unlockSound);
    if (!sound) { return; }
    sound.muted = true;
    var p = sound.play();
    var done = function () { sound.pause(); sound.muted = false; };
    if (p && p.then) { p.then(done, function () { sound.muted = false; }); } else { done(); }
  }
  document.addEventListener("click", unlockSound);

  if (window.EventSource) {
    var source = new EventSource(live.getAttribute("data-events-url"));
    source.addEventListener("state", function (event) {
      stopPolling();
      try { show(JSON.parse(event.data)); } catch (e) { /* a broken message: wait for the next */ }
    });
    // The browser reconnects by itself; meanwhile the state is polled.
    source.onerror = startPolling;
  } else {
    startPolling();
  }
})();
