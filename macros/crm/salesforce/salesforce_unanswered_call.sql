{% macro salesforce_unanswered_call(expression) -%}
    {#-
        Whether a call's text (its call_disposition, or else its subject) says the call was
        not answered: it has, in any case and as whole words, 'no answer', 'no-answer', 'not
        answered', 'unanswered', 'voicemail', 'voice mail', 'left message', 'busy' or 'no
        response' ('Busy signal' yes, 'business review' no). Null text: false.
    -#}
    {%- set words = [
        'no answer', 'no-answer', 'not answered', 'unanswered', 'voicemail', 'voice mail',
        'left message', 'busy', 'no response',
    ] -%}
    {%- set pattern = '(.*[^a-z])?(' ~ words | join('|') ~ ')([^a-z].*)?' -%}
    coalesce({{ matches_pattern('lower(' ~ expression ~ ')', pattern) }}, false)
{%- endmacro %}
