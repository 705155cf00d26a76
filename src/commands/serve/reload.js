// crisis-site preview only: reloads the page when a newer build exists. `build` never adds it.
(function () {
  var script = document.currentScript;
  var version = script.getAttribute("data-version");
  var events = new EventSource(script.getAttribute("data-url"));
  events.onmessage = function (event) {
    if (event.data !== version) {
      events.close();
      location.reload();
    }
  };
})();
