// crisis-site preview only: reloads the page after each rebuild. `build` never adds it.
(function () {
  var script = document.currentScript;
  var version = script.getAttribute("data-version");
  var url = script.getAttribute("data-url");
  function wait() {
    fetch(url + "?since=" + version, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        if (text.trim() !== version) { location.reload(); } else { wait(); }
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
