// Vaadin's grid names its selection checkboxes ("Select All", "Select Row") with aria-label on the
// <vaadin-checkbox> element, which is not what takes focus: its <input> has no name, and screen
// readers announce a bare "checkbox" (axe's rule "label"), while the element itself, which has no
// role, may not carry aria-label at all (rule "aria-prohibited-attr"). A checkbox that has an
// aria-label but no label of its own moves that name onto its input (the field's accessibleName).
function nameInput(checkbox) {
  const name = checkbox.getAttribute('aria-label');
  if (name && !checkbox.label && !checkbox.accessibleName) {
    checkbox.accessibleName = name;
    checkbox.removeAttribute('aria-label');
  }
}

// The browser reads connectedCallback once, when the element is defined; ready() (Polymer's first
// connection, where the checkbox makes its input) is looked up at each call, so it can be extended.
customElements.whenDefined('vaadin-checkbox').then(() => {
  const Checkbox = customElements.get('vaadin-checkbox');
  const ready = Checkbox.prototype.ready;
  Checkbox.prototype.ready = function () {
    ready.call(this);
    nameInput(this);
  };
  document.querySelectorAll('vaadin-checkbox').forEach(nameInput);
});
