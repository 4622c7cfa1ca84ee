// The photo change form: saving makes the renditions, which takes a few seconds for a large
// photo, so the buttons are disabled and a message says what is happening.
"use strict";
(function() {
    function init() {
        const form = document.getElementById("photo_form");
        if (!form) {
            return;
        }
        const buttons = form.querySelectorAll(".submit-row input[type=submit], .submit-row button[type=submit]");
        const status = document.createElement("p");
        status.className = "photo-saving";
        status.setAttribute("role", "status");
        const row = form.querySelector(".submit-row");
        if (row) {
            row.append(status);
        }

        form.addEventListener("submit", function(event) {
            if (event.defaultPrevented || form.dataset.saving) {
                if (form.dataset.saving) {
                    event.preventDefault();
                }
                return;
            }
            form.dataset.saving = "1";
            // A disabled button is not sent: keep which one was pressed ("save and continue").
            const submitter = event.submitter;
            if (submitter && submitter.name) {
                const pressed = document.createElement("input");
                pressed.type = "hidden";
                pressed.name = submitter.name;
                pressed.value = submitter.value;
                pressed.dataset.pressed = "1";
                form.append(pressed);
            }
            buttons.forEach(function(button) {
                button.disabled = true;
            });
            const spinner = document.createElement("progress");
            spinner.setAttribute("aria-label", "Fortschritt beim Speichern");
            status.replaceChildren(spinner, document.createTextNode(" Foto wird gespeichert …"));
        });

        // Back from the next page: the form is usable again.
        window.addEventListener("pageshow", function() {
            delete form.dataset.saving;
            buttons.forEach(function(button) {
                button.disabled = false;
            });
            form.querySelectorAll("input[data-pressed]").forEach(function(input) {
                input.remove();
            });
            status.replaceChildren();
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
