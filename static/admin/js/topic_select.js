'use strict';
// The topics field: existing topics are suggested while typing (case does not matter), a new
// one is taken with Enter or a comma. Uses the select2 that Django's admin ships.
{
    const $ = django.jQuery;

    function initTopicSelect(element) {
        $(element).select2({
            tags: true,
            tokenSeparators: [','],
            language: 'de',
            width: '100%',
            placeholder: element.dataset.placeholder,
            ajax: {
                url: element.dataset.url,
                dataType: 'json',
                delay: 200,
                data: (params) => ({q: params.term})
            },
            // A typed topic that exists in other letter case is offered as that topic.
            createTag: (params) => {
                const term = $.trim(params.term);
                return term ? {id: term, text: term, newTag: true} : null;
            }
        });
    }

    $(function() {
        document.querySelectorAll('select.topic-select').forEach(initTopicSelect);
    });
}
