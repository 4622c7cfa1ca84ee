// The focal point on the photo change form: a click on the preview (or the arrow keys on the
// marker) sets the two percentages; typing a number moves the marker.
"use strict";
(function() {
    function clamp(value) {
        return Math.min(100, Math.max(0, Math.round(value)));
    }

    function setUp(widget) {
        const frame = widget.querySelector("[data-focal-point-frame]");
        const marker = widget.querySelector("[data-focal-point-marker]");
        const label = widget.querySelector("[data-focal-point-label]");
        const inputX = document.getElementById(widget.dataset.xInput);
        const inputY = document.getElementById(widget.dataset.yInput);
        if (!frame || !marker || !inputX || !inputY) {
            return;
        }

        function read(input) {
            const value = parseInt(input.value, 10);
            return Number.isNaN(value) ? 50 : clamp(value);
        }

        function show() {
            const x = read(inputX);
            const y = read(inputY);
            marker.style.left = x + "%";
            marker.style.top = y + "%";
            marker.hidden = false;
            const centre = inputX.value === "" && inputY.value === "" ? " (Bildmitte, nicht gesetzt)" : "";
            label.textContent = "Bildmittelpunkt: " + x + " % von links, " + y + " % von oben" + centre +
                ". Mit den Pfeiltasten verschieben.";
        }

        function set(x, y) {
            inputX.value = clamp(x);
            inputY.value = clamp(y);
            inputX.dispatchEvent(new Event("change", {bubbles: true}));
            inputY.dispatchEvent(new Event("change", {bubbles: true}));
            show();
        }

        frame.addEventListener("click", function(event) {
            const box = frame.getBoundingClientRect();
            set(100 * (event.clientX - box.left) / box.width, 100 * (event.clientY - box.top) / box.height);
            marker.focus();
        });
        marker.addEventListener("keydown", function(event) {
            const step = event.shiftKey ? 10 : 1;
            const moves = {
                ArrowLeft: [-step, 0],
                ArrowRight: [step, 0],
                ArrowUp: [0, -step],
                ArrowDown: [0, step]
            };
            const move = moves[event.key];
            if (move) {
                event.preventDefault();
                set(read(inputX) + move[0], read(inputY) + move[1]);
            }
        });
        // A click on the marker itself must not move it by the marker's own offset.
        marker.addEventListener("click", function(event) {
            if (event.detail === 0) {
                event.stopPropagation();
            }
        });
        inputX.addEventListener("input", show);
        inputY.addEventListener("input", show);
        show();
    }

    function init() {
        document.querySelectorAll("[data-focal-point]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
