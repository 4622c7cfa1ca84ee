// The photo chooser widget: a dialog with a searchable grid of thumbnails. The chosen photo's
// id goes into the hidden input; the admin's "+" link (upload in place) fills the same input.
"use strict";
(function($) {
    let dialog = null;
    let current = null;

    function buildDialog() {
        dialog = document.createElement("dialog");
        dialog.className = "photo-chooser-dialog";
        dialog.setAttribute("aria-labelledby", "photo-chooser-title");
        const header = document.createElement("div");
        header.className = "photo-chooser-header";
        const title = document.createElement("h2");
        title.id = "photo-chooser-title";
        title.textContent = "Foto auswählen";
        const upload = document.createElement("button");
        upload.type = "button";
        upload.className = "button";
        upload.textContent = "Neues Foto hochladen";
        upload.dataset.photoChooserUpload = "";
        const close = document.createElement("button");
        close.type = "button";
        close.className = "button";
        close.textContent = "Schließen";
        close.addEventListener("click", function() {
            dialog.close();
        });
        header.append(title, upload, close);
        const body = document.createElement("div");
        body.dataset.photoChooserContent = "";
        body.setAttribute("aria-live", "polite");
        dialog.append(header, body);
        document.body.append(dialog);

        upload.addEventListener("click", function() {
            const link = current && addLink(current);
            dialog.close();
            if (link) {
                link.click();
            }
        });
        dialog.addEventListener("submit", function(event) {
            const form = event.target.closest("[data-photo-chooser-search]");
            if (form) {
                event.preventDefault();
                load(chooserUrl(current) + "?" + new URLSearchParams(new FormData(form)).toString(), true);
            }
        });
        dialog.addEventListener("click", function(event) {
            const page = event.target.closest("[data-photo-chooser-page]");
            if (page) {
                event.preventDefault();
                load(chooserUrl(current) + page.getAttribute("href"), false);
                return;
            }
            const choice = event.target.closest("[data-photo-choice]");
            if (choice && current) {
                choose(current, choice);
                dialog.close();
            }
        });
        dialog.addEventListener("close", function() {
            if (current) {
                current.querySelector("[data-photo-chooser-open]").focus();
            }
        });
    }

    function chooserUrl(widget) {
        return widget.dataset.chooserUrl;
    }

    function input(widget) {
        return widget.querySelector("input[type=hidden]");
    }

    function addLink(widget) {
        const wrapper = widget.closest(".related-widget-wrapper");
        return wrapper && wrapper.querySelector(".add-related");
    }

    function fetchFragment(url) {
        return fetch(url, {credentials: "same-origin", headers: {"Accept": "text/html"}}).then(function(response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.text();
        });
    }

    function load(url, keepSearchFocus) {
        const body = dialog.querySelector("[data-photo-chooser-content]");
        fetchFragment(url).then(function(html) {
            body.innerHTML = html;
            const search = body.querySelector("input[type=search]");
            if (keepSearchFocus && search) {
                search.focus();
            } else {
                const first = body.querySelector("[data-photo-choice]") || search;
                if (first) {
                    first.focus();
                }
            }
        }).catch(function() {
            body.textContent = "Die Fotos konnten nicht geladen werden. Bitte die Seite neu laden.";
        });
    }

    function showPreview(widget, thumbnail, label) {
        const preview = widget.querySelector("[data-photo-chooser-preview]");
        const text = document.createElement("span");
        text.className = "photo-chooser-label";
        text.textContent = label;
        preview.replaceChildren();
        if (thumbnail) {
            preview.append(thumbnail.cloneNode(true));
        }
        preview.append(text);
    }

    function updateRelatedLinks(widget, value) {
        const wrapper = widget.closest(".related-widget-wrapper");
        if (!wrapper) {
            return;
        }
        wrapper.querySelectorAll(".change-related, .view-related").forEach(function(link) {
            const template = link.getAttribute("data-href-template");
            if (value && template) {
                link.setAttribute("href", template.replace("__fk__", value));
                link.removeAttribute("aria-disabled");
            } else {
                link.removeAttribute("href");
                link.setAttribute("aria-disabled", "true");
            }
        });
    }

    function choose(widget, choice) {
        input(widget).value = choice.dataset.photoChoice;
        showPreview(widget, choice.querySelector("img"), choice.dataset.photoLabel);
        updateRelatedLinks(widget, choice.dataset.photoChoice);
    }

    function refresh(widget) {
        // The value came from elsewhere (the upload popup): fetch the photo's thumbnail.
        const value = input(widget).value;
        updateRelatedLinks(widget, value);
        if (!value) {
            return;
        }
        fetchFragment(chooserUrl(widget) + "?id=" + encodeURIComponent(value)).then(function(html) {
            const parsed = new DOMParser().parseFromString(html, "text/html");
            const choice = parsed.querySelector("[data-photo-choice]");
            if (choice) {
                showPreview(widget, choice.querySelector("img"), choice.dataset.photoLabel);
            }
        });
    }

    document.addEventListener("click", function(event) {
        const open = event.target.closest("[data-photo-chooser-open]");
        if (!open) {
            return;
        }
        current = open.closest("[data-photo-chooser]");
        if (!dialog) {
            buildDialog();
        }
        dialog.querySelector("[data-photo-chooser-upload]").hidden = !addLink(current);
        dialog.querySelector("[data-photo-chooser-content]").textContent = "Fotos werden geladen …";
        dialog.showModal();
        load(chooserUrl(current), true);
    });

    // Django's popup answer sets the input and triggers a jQuery change event.
    $(document).on("change", "[data-photo-chooser] input[type=hidden]", function() {
        refresh(this.closest("[data-photo-chooser]"));
    });
    $(function() {
        document.querySelectorAll("[data-photo-chooser]").forEach(function(widget) {
            updateRelatedLinks(widget, input(widget).value);
        });
    });
})(django.jQuery);
