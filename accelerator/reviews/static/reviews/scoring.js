// The running total of the scoring grid, as the reviewer picks scores. The server computes the
// total again on every save; this is only a preview.
(function () {
  "use strict";

  function format(value) {
    var language = (document.documentElement.lang || "en") + "-u-nu-latn";
    try {
      return new Intl.NumberFormat(language, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(value);
    } catch (error) {
      return value.toFixed(2);
    }
  }

  function update(form) {
    var output = form.querySelector("[data-review-running-total]");
    if (!output) {
      return;
    }
    var total = 0;
    form.querySelectorAll("input[data-review-score]:checked").forEach(function (input) {
      total += (Number(input.dataset.weight) * Number(input.value)) / Number(input.dataset.scaleMax);
    });
    output.textContent = format(total);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-review-grid]").forEach(function (form) {
      form.addEventListener("change", function () {
        update(form);
      });
      update(form);
    });
  });
})();
