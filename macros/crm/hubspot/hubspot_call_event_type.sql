{% macro hubspot_call_event_type(disposition, status) -%}
    {#-
        The event type of a CALL engagement from its outcome (`disposition`, a GUID) and, when
        the disposition is none of the known ones, its status. HubSpot's default dispositions:
        Connected -> call; No answer, Busy, Left voicemail, Left live message ->
        call_unanswered; Wrong number -> hubspot_call_wrong_number. An account's own
        dispositions are added with the vars `hubspot_connected_call_dispositions` and
        `hubspot_unanswered_call_dispositions` (lists of GUIDs, written into SQL as escaped
        literals). Without a known disposition: status NO_ANSWER or BUSY -> call_unanswered,
        anything else (a custom disposition, none) -> hubspot_call, kept and scored by no
        shipped rule.
    -#}
    {%- set connected = ['f240bbac-87c9-4f6e-bf70-924b57d47db7']
        + (var('hubspot_connected_call_dispositions', []) | list) -%}
    {%- set unanswered = [
        '73a0d17f-1163-4015-bdd5-ec830791da20',
        '9d9162e7-6cf3-4944-bf63-4dff82258764',
        'b2cf5968-551e-4856-9783-52b3da59a7d0',
        'a4c4c377-d246-4b32-a13b-75a56a4cd0ff',
    ] + (var('hubspot_unanswered_call_dispositions', []) | list) -%}
    {%- set code = normalize_text(disposition) -%}
    case
        when {{ code }} in ({% for id in connected %}{{ string_literal(id | string | trim | lower) }}{{ ', ' if not loop.last }}{% endfor %})
            then 'call'
        when {{ code }} in ({% for id in unanswered %}{{ string_literal(id | string | trim | lower) }}{{ ', ' if not loop.last }}{% endfor %})
            then 'call_unanswered'
        when {{ code }} = '17b47fee-58de-441e-a44c-c6300d46f273' then 'hubspot_call_wrong_number'
        when {{ normalize_text(status) }} in ('no_answer', 'busy') then 'call_unanswered'
        else 'hubspot_call'
    end
{%- endmacro %}
