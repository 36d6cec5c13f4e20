// Resident pages ship no React (app/lib/page-scripts.ts): their forms work as plain HTML. This
// script only makes a submit safe on a bad connection. It sends the form itself (fetch); when the
// network fails, or the server does (5xx), the page stays as it is — what was typed, the resume
// code — and the notice rendered by the root (components/layout/offline-notice.tsx) appears next
// to the button, with « Réessayer ». Otherwise the answer page replaces this one, as a normal
// submit would. Without this script (or without JavaScript) the forms post as usual.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams) return;
  var busy = false;
  var last = null;

  function notice() {
    return document.querySelector("[data-offline-notice]");
  }

  function showNotice(reason, form, submitter) {
    var box = notice();
    if (!box) return;
    var anchor = (submitter && submitter.closest(".actions")) || form;
    anchor.parentNode.insertBefore(box, anchor);
    box.querySelectorAll("[data-reason]").forEach(function (p) {
      p.hidden = p.getAttribute("data-reason") !== reason;
    });
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  }

  function request(form, submitter) {
    var method = ((submitter && submitter.getAttribute("formmethod")) || form.getAttribute("method") || "get").toUpperCase();
    var action = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    if (method === "GET") {
      var url = new URL(action, location.href);
      url.search = new URLSearchParams(data).toString();
      return { url: url.href, init: { method: "GET", credentials: "same-origin" } };
    }
    var body = form.enctype === "multipart/form-data" ? data : new URLSearchParams(data);
    return { url: action, init: { method: "POST", body: body, credentials: "same-origin" } };
  }

  // The answer replaces the page, as a normal submit would; a page that needs the app's scripts
  // (or is not HTML) is loaded for real instead.
  function show(response, html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    if (!/text\/html/.test(response.headers.get("Content-Type") || "") || page.querySelector("script[type=module]")) {
      location.assign(response.url);
      return;
    }
    if (response.url !== location.href) history.pushState(null, "", response.url);
    document.title = page.title;
    document.documentElement.lang = page.documentElement.lang;
    document.body.replaceWith(document.adoptNode(page.body));
    window.scrollTo(0, 0);
    var target = document.querySelector("[role=alert]:not([hidden]), main h1, main");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  }

  function send(form, submitter) {
    if (busy) return;
    busy = true;
    last = { form: form, submitter: submitter };
    var req = request(form, submitter);
    fetch(req.url, req.init)
      .then(function (response) {
        if (response.status >= 500) throw { reason: "error" };
        return response.text().then(function (html) {
          show(response, html);
        });
      })
      .catch(function (failure) {
        showNotice(failure && failure.reason === "error" ? "error" : "offline", form, submitter);
      })
      .then(function () {
        busy = false;
      });
  }

  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented || event.target.getAttribute("target")) return;
    event.preventDefault();
    send(event.target, event.submitter);
  });

  document.addEventListener("click", function (event) {
    if (last && event.target.closest && event.target.closest("[data-offline-retry]")) send(last.form, last.submitter);
  });

  // The pages pushed above are real URLs: going back loads them again.
  window.addEventListener("popstate", function () {
    location.reload();
  });
})();
