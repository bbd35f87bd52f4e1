/* The Share dialog's copy buttons: <button data-copy="FIELD-ID"> copies that field's text.
   The text is selected first, so it can always be copied by hand; then the Clipboard API (secure
   pages), else the browser's copy command. The live region (#share-status) says what happened. */
(function () {
    function say(text) {
        const status = document.getElementById("share-status");
        if (status) { status.textContent = ""; setTimeout(function () { status.textContent = text; }, 30); }
    }

    function legacyCopy() {
        try { return document.execCommand("copy"); } catch (err) { return false; }
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        bajorShare: {open: function (clicks) { return clicks > 0; }}  // the Share button opens the dialog
    });

    document.addEventListener("click", function (e) {
        const button = e.target.closest && e.target.closest("[data-copy]");
        if (!button) { return; }
        const field = document.getElementById(button.getAttribute("data-copy"));
        if (!field) { return; }
        const what = button.textContent.replace(/^Copy\s+/i, "");
        const name = what.charAt(0).toUpperCase() + what.slice(1);
        field.focus();
        field.select();
        const manual = name + " selected: press Ctrl+C (\u2318C on a Mac) to copy it.";
        const done = function () { say(name + " copied to the clipboard."); };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(done, function () {
                if (legacyCopy()) { done(); } else { say(manual); }
            });
        } else if (legacyCopy()) {
            done();
        } else {
            say(manual);
        }
    });
})();
