/* nashra: theme toggle and keyboard shortcuts. No framework, no inline script (CSP).
   Shortcuts: j / k next / previous item, o or Enter open it, / search, s save (placeholder).
   They are ignored while typing in a field, and can be switched off (remembered). */
(function () {
  "use strict";
  var root = document.documentElement;
  var store = {
    get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* ignore */ } }
  };

  // --- theme: auto (follows the system) → light → dark → auto
  var themeButton = document.querySelector(".theme-toggle");
  function showTheme() {
    if (!themeButton) return;
    var t = root.getAttribute("data-theme") || "auto";
    themeButton.textContent = themeButton.getAttribute("data-label-" + t) || t;
    themeButton.setAttribute("aria-pressed", t === "auto" ? "false" : "true");
  }
  if (themeButton) {
    themeButton.addEventListener("click", function () {
      var order = ["auto", "light", "dark"];
      var t = root.getAttribute("data-theme") || "auto";
      var next = order[(order.indexOf(t) + 1) % order.length];
      root.setAttribute("data-theme", next);
      store.set("nashra.theme", next);
      showTheme();
    });
    showTheme();
  }

  // --- keyboard shortcuts
  var shortcutsOn = store.get("nashra.shortcuts") !== "off";
  var toggle = document.querySelector(".shortcuts-toggle");
  function showShortcuts() {
    if (!toggle) return;
    toggle.textContent = toggle.getAttribute(shortcutsOn ? "data-label-on" : "data-label-off");
    toggle.setAttribute("aria-pressed", shortcutsOn ? "true" : "false");
    root.setAttribute("data-shortcuts", shortcutsOn ? "on" : "off");
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      shortcutsOn = !shortcutsOn;
      store.set("nashra.shortcuts", shortcutsOn ? "on" : "off");
      showShortcuts();
    });
    showShortcuts();
  }

  var current = -1;
  function items() { return Array.prototype.slice.call(document.querySelectorAll("main .item")); }
  function select(i) {
    var list = items();
    if (!list.length) return;
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach(function (el) { el.classList.remove("is-current"); });
    var el = list[current];
    el.classList.add("is-current");
    var link = el.querySelector(".item-link");
    if (link) link.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }
  function toast(message) {
    var t = document.querySelector(".toast");
    if (!t) return;
    t.textContent = message;
    t.classList.add("show");
    window.setTimeout(function () { t.classList.remove("show"); }, 2500);
  }
  function typing(target) {
    if (!target) return false;
    var tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  document.addEventListener("keydown", function (ev) {
    if (!shortcutsOn || ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    var key = ev.key;
    if (key === "j") { select(current + 1); ev.preventDefault(); }
    else if (key === "k") { select(current - 1); ev.preventDefault(); }
    else if (key === "o" || (key === "Enter" && current >= 0 && ev.target === document.body)) {
      var el = items()[current];
      var link = el && el.querySelector(".item-link");
      if (link) { window.location.href = link.href; ev.preventDefault(); }
    } else if (key === "/") {
      var q = document.getElementById("q") || document.getElementById("site-q");
      if (q) { q.focus(); q.select(); ev.preventDefault(); }
    } else if (key === "s") {
      var t = document.querySelector(".toast");
      toast(t ? t.getAttribute("data-save-message") : "");
      ev.preventDefault();
    }
  });
})();
