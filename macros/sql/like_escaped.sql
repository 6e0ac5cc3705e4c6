{% macro like_escaped(expression, pattern) -%}
    {#-
        `expression LIKE pattern` with a backslash as the escape character on every engine (an
        engine's default differs): in `pattern`, % is any text, _ any one character, and \%,
        \_ and \\ are a literal %, _ and backslash. A backslash before anything else, or at the
        end, is refused by the scorecard validation (engines disagree on it).
    -#}
    {{ expression }} like {{ pattern }} escape {{ string_literal('\\') }}
{%- endmacro %}
