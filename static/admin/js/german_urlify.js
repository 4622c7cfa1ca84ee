// Let the admin's prepopulated slugs spell German umlauts as "ae", "oe", "ue", "ss".
'use strict';
{
    const originalURLify = window.URLify;
    const german = {'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'Ä': 'Ae', 'Ö': 'Oe', 'Ü': 'Ue', 'ß': 'ss', 'ẞ': 'SS'};
    if (originalURLify) {
        window.URLify = function(value, maxLength, allowUnicode) {
            const spelled = value.replace(/[äöüÄÖÜßẞ]/g, (c) => german[c]);
            return originalURLify(spelled, maxLength, allowUnicode);
        };
    }
}
