// The photo upload page: files dropped on the zone or chosen in the file input are sent one
// after the other, each with its own progress bar; a stored photo then asks for its alt text.
"use strict";
(function() {
    const form = document.querySelector("[data-photo-upload]");
    if (!form) {
        return;
    }
    const zone = form.querySelector("[data-photo-dropzone]");
    const input = form.querySelector("input[type=file]");
    const list = document.querySelector("[data-photo-upload-list]");
    const heading = document.querySelector("[data-photo-upload-heading]");
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const queue = [];
    let busy = false;

    function element(tag, className, text) {
        const node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    function parse(xhr) {
        try {
            return JSON.parse(xhr.responseText);
        } catch (error) {
            return null;
        }
    }

    function showErrors(row, status, messages) {
        row.classList.add("is-error");
        status.textContent = messages.join(" ");
        status.setAttribute("role", "alert");
    }

    function askAltText(row, photo) {
        const altForm = element("form", "photo-upload-alt");
        altForm.action = photo.alt_text_url;
        altForm.method = "post";
        const id = "alt-" + photo.id;
        const label = element("label", "required", "Alternativtext (Pflicht): Was ist auf dem Foto zu sehen?");
        label.htmlFor = id;
        const field = element("input", "vTextField");
        field.id = id;
        field.name = "alt_text";
        field.required = true;
        field.maxLength = 300;
        field.value = photo.alt_text;
        const save = element("button", "button", "Alternativtext speichern");
        save.type = "submit";
        const edit = element("a", "photo-upload-edit", "Alle Angaben bearbeiten");
        edit.href = photo.change_url;
        const feedback = element("p", "photo-upload-alt-status");
        feedback.setAttribute("aria-live", "polite");
        altForm.append(label, field, save, edit, feedback);
        altForm.addEventListener("submit", function(event) {
            event.preventDefault();
            const body = new FormData(altForm);
            body.append("csrfmiddlewaretoken", token);
            save.disabled = true;
            feedback.textContent = "Wird gespeichert …";
            fetch(altForm.action, {
                method: "POST",
                body: body,
                headers: {"Accept": "application/json", "X-CSRFToken": token},
                credentials: "same-origin"
            }).then(function(response) {
                return response.json().catch(function() {
                    return {ok: false, errors: ["Der Server hat nicht geantwortet. Bitte noch einmal versuchen."]};
                });
            }).then(function(answer) {
                save.disabled = false;
                if (answer.ok) {
                    feedback.textContent = "Alternativtext gespeichert.";
                    row.classList.remove("needs-alt-text");
                } else {
                    feedback.textContent = answer.errors.join(" ");
                }
            }).catch(function() {
                save.disabled = false;
                feedback.textContent = "Keine Verbindung zum Server. Bitte noch einmal versuchen.";
            });
        });
        row.append(altForm);
        if (!photo.alt_text) {
            row.classList.add("needs-alt-text");
        }
    }

    function upload(item) {
        const xhr = new XMLHttpRequest();
        const body = new FormData();
        body.append("image", item.file);
        body.append("csrfmiddlewaretoken", token);
        xhr.open("POST", form.action);
        xhr.setRequestHeader("Accept", "application/json");
        xhr.setRequestHeader("X-CSRFToken", token);
        xhr.upload.addEventListener("progress", function(event) {
            if (event.lengthComputable) {
                const percent = Math.round(100 * event.loaded / event.total);
                item.progress.value = percent;
                item.status.textContent = "Wird hochgeladen: " + percent + " %";
            }
        });
        xhr.upload.addEventListener("load", function() {
            // Sent; the server now checks the file and makes its renditions.
            item.progress.removeAttribute("value");
            item.status.textContent = "Wird geprüft und verkleinert …";
        });
        xhr.addEventListener("load", function() {
            const answer = parse(xhr);
            item.progress.value = 100;
            item.progress.max = 100;
            if (answer && answer.ok) {
                item.row.classList.add("is-done");
                item.status.textContent = "Hochgeladen.";
                const preview = element("span", "photo-upload-thumbnail");
                preview.innerHTML = answer.photo.thumbnail;
                item.row.insertBefore(preview, item.row.firstChild);
                askAltText(item.row, answer.photo);
            } else if (answer && answer.errors) {
                showErrors(item.row, item.status, ["Nicht gespeichert:"].concat(answer.errors));
            } else if (xhr.status === 403) {
                showErrors(item.row, item.status, ["Sie dürfen keine Fotos hochladen."]);
            } else {
                showErrors(item.row, item.status, ["Nicht gespeichert: Fehler " + xhr.status + "."]);
            }
            next();
        });
        xhr.addEventListener("error", function() {
            showErrors(item.row, item.status, ["Nicht gespeichert: keine Verbindung zum Server."]);
            next();
        });
        xhr.send(body);
    }

    function next() {
        busy = false;
        const item = queue.shift();
        if (item) {
            busy = true;
            upload(item);
        }
    }

    function add(files) {
        heading.hidden = false;
        Array.from(files).forEach(function(file) {
            const row = element("li", "photo-upload-item");
            const name = element("span", "photo-upload-name", file.name);
            const progress = element("progress");
            progress.max = 100;
            progress.value = 0;
            progress.setAttribute("aria-label", "Fortschritt für " + file.name);
            const status = element("span", "photo-upload-status", "Wartet …");
            status.setAttribute("aria-live", "polite");
            row.append(name, progress, status);
            list.append(row);
            queue.push({file: file, row: row, progress: progress, status: status});
        });
        if (!busy) {
            next();
        }
    }

    input.addEventListener("change", function() {
        if (input.files.length) {
            add(input.files);
            input.value = "";
        }
    });
    ["dragenter", "dragover"].forEach(function(type) {
        zone.addEventListener(type, function(event) {
            event.preventDefault();
            zone.classList.add("is-dragover");
        });
    });
    ["dragleave", "drop"].forEach(function(type) {
        zone.addEventListener(type, function() {
            zone.classList.remove("is-dragover");
        });
    });
    zone.addEventListener("drop", function(event) {
        event.preventDefault();
        if (event.dataTransfer && event.dataTransfer.files.length) {
            add(event.dataTransfer.files);
        }
    });
    // A file dropped beside the zone would otherwise open in the tab and leave the page.
    window.addEventListener("dragover", function(event) {
        event.preventDefault();
    });
    window.addEventListener("drop", function(event) {
        event.preventDefault();
    });
})();
