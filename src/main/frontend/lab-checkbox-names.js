// Vaadin's grid names its selection checkboxes ("Select All", "Select Row") with aria-label on the
// <vaadin-checkbox> element, which is not what takes focus: its <input> has no name, and screen
// readers announce a bare "checkbox" (axe's rule "label"), while the element itself, which has no
// role, may not carry aria-label at all (rule "aria-prohibited-attr"). A checkbox that has an
// aria-label but no label of its own moves that name onto its input (the field's accessibleName).
function nameInput(checkbox) {
  const name = checkbox.getAttribute('aria-label');
  if (!name || checkbox.label) {
    return;
  }
  if (!checkbox.accessibleName || checkbox.accessibleName === name) {
    checkbox.accessibleName = name;
    checkbox.removeAttribute('aria-label');
  }
}

// ready() (Polymer's first connection, where the checkbox makes its input) names checkboxes made
// with their label; a mutation observer names those that get it later (the grid renders a
// selection column's header and rows, and sets their labels, at times of its own).
customElements.whenDefined('vaadin-checkbox').then(() => {
  const Checkbox = customElements.get('vaadin-checkbox');
  const ready = Checkbox.prototype.ready;
  Checkbox.prototype.ready = function () {
    ready.call(this);
    nameInput(this);
  };
  document.querySelectorAll('vaadin-checkbox[aria-label]').forEach(nameInput);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target.localName === 'vaadin-checkbox') {
          nameInput(record.target);
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) {
          continue;
        }
        if (node.localName === 'vaadin-checkbox') {
          nameInput(node);
        }
        node.querySelectorAll('vaadin-checkbox[aria-label]').forEach(nameInput);
      }
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-label'],
  });
});
