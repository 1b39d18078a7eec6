"""Everything that touches Textual's or Rich's private names lives here."""
