{% macro hubspot_call_outcome(disposition, status) -%}
    {#-
        A CALL engagement's outcome as the event's detail: the name of one of HubSpot's
        default dispositions (connected, no answer, busy, left voicemail, left live message,
        wrong number), else the disposition's own value (an account's GUID), else the call's
        status in lower case, else null.
    -#}
    {%- set code = normalize_text(disposition) -%}
    case {{ code }}
        when 'f240bbac-87c9-4f6e-bf70-924b57d47db7' then 'connected'
        when '73a0d17f-1163-4015-bdd5-ec830791da20' then 'no answer'
        when '9d9162e7-6cf3-4944-bf63-4dff82258764' then 'busy'
        when 'b2cf5968-551e-4856-9783-52b3da59a7d0' then 'left voicemail'
        when 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff' then 'left live message'
        when '17b47fee-58de-441e-a44c-c6300d46f273' then 'wrong number'
        else coalesce({{ code }}, {{ normalize_text(status) }})
    end
{%- endmacro %}
