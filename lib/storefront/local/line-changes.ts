import type { IndexedVariant } from './catalog-index';
import { canonicalAttributes, type Attribute, type LineRow } from './cart-repository';
import { parseGid } from './ids';
import { availableQuantity, type StoreContext } from './product-objects';
import { checkQuantity, MAX_LINE_QUANTITY, Refusal, userError } from './user-errors';

export interface LineInput {
  merchandiseId: string;
  quantity?: number | null;
  attributes?: Attribute[] | null;
}

export interface LineUpdateInput {
  id: string;
  quantity?: number | null;
  merchandiseId?: string | null;
  attributes?: Attribute[] | null;
}

const sum = (lines: LineRow[]) => lines.reduce((total, line) => total + line.quantity, 0);

/** The line mutations. Each runs inside the caller's transaction and throws Refusal to write nothing. */
export function createLineChanges(context: StoreContext) {
  const { carts, catalog } = context;

  function variantFor(merchandiseId: string, field: string[]): IndexedVariant {
    const sku = parseGid(merchandiseId, 'ProductVariant');
    const found = sku ? catalog.variant(sku) : undefined;
    if (!found) throw new Refusal([userError(field, `The merchandise with id ${merchandiseId} does not exist.`, 'INVALID_MERCHANDISE_LINE')]);
    return found;
  }

  function notEnoughStock(field: string[], { product, variant }: IndexedVariant, stock: number, inCart: number): Refusal {
    const name = `${product.title} (${variant.title})`;
    const message =
      stock === 0
        ? `${name} is sold out.`
        : `Only ${stock} of ${name} ${stock === 1 ? 'is' : 'are'} in stock${inCart > 0 ? `, and your cart already has ${inCart}.` : '.'}`;
    // CartErrorCode has no stock code (MERCHANDISE_NOT_ENOUGH_STOCK is only a warning code); this is the nearest.
    return new Refusal([userError(field, message, 'MAXIMUM_EXCEEDED')]);
  }

  function add(token: string, lines: LineInput[]): void {
    lines.forEach((line, index) => {
      const field = ['lines', String(index)];
      const found = variantFor(line.merchandiseId, [...field, 'merchandiseId']);
      const quantity = line.quantity ?? 1;
      checkQuantity(quantity, [...field, 'quantity'], 1);
      const stock = availableQuantity(context, found.variant);
      if (carts.addLine(token, found.variant.sku, quantity, { stock, lineLimit: MAX_LINE_QUANTITY }, line.attributes ?? [])) return;
      const inCart = sum(carts.lines(token).filter((existing) => existing.sku === found.variant.sku));
      if (inCart + quantity > stock) throw notEnoughStock([...field, 'quantity'], found, stock, inCart);
      throw new Refusal([userError([...field, 'quantity'], `One cart line cannot hold more than ${MAX_LINE_QUANTITY}.`, 'MAXIMUM_EXCEEDED')]);
    });
  }

  function update(token: string, inputs: LineUpdateInput[]): void {
    inputs.forEach((input, index) => {
      const field = ['lines', String(index)];
      const lines = carts.lines(token);
      const lineId = parseGid(input.id, 'CartLine');
      const line = lines.find((candidate) => candidate.id === lineId);
      if (!line) throw new Refusal([userError([...field, 'id'], `The cart line with id ${input.id} does not exist in this cart.`)]);
      const quantity = input.quantity ?? line.quantity;
      checkQuantity(quantity, [...field, 'quantity'], 0);
      // Shopify removes a line whose quantity is set to 0.
      if (quantity === 0) return void carts.removeLine(token, line.id);

      const found = input.merchandiseId ? variantFor(input.merchandiseId, [...field, 'merchandiseId']) : catalog.variant(line.sku);
      const next: LineRow = { id: line.id, sku: found?.variant.sku ?? line.sku, quantity, attributes: input.attributes ?? line.attributes };
      const others = lines.filter((other) => other.id !== line.id);
      const before = sum(lines.filter((other) => other.sku === next.sku));
      const after = sum(others.filter((other) => other.sku === next.sku)) + quantity;
      // Lowering a quantity is always allowed, even when stock has since dropped below it.
      if (after > before) {
        if (!found) throw new Refusal([userError([...field, 'quantity'], 'This item is no longer sold; it can only be removed.', 'INVALID_MERCHANDISE_LINE')]);
        const stock = availableQuantity(context, found.variant);
        if (after > stock) throw notEnoughStock([...field, 'quantity'], found, stock, after - quantity);
      }

      // Same variant and attributes as another line: Shopify keeps one line, so they merge.
      const twin = others.find((other) => other.sku === next.sku && canonicalAttributes(other.attributes) === canonicalAttributes(next.attributes));
      if (!twin) return void carts.updateLine(token, next);
      if (twin.quantity + quantity > MAX_LINE_QUANTITY) {
        throw new Refusal([userError([...field, 'quantity'], `One cart line cannot hold more than ${MAX_LINE_QUANTITY}.`, 'MAXIMUM_EXCEEDED')]);
      }
      carts.removeLine(token, line.id);
      carts.updateLine(token, { ...twin, quantity: twin.quantity + quantity });
    });
  }

  function remove(token: string, lineIds: string[]): void {
    lineIds.forEach((id, index) => {
      const lineId = parseGid(id, 'CartLine');
      if (!lineId || !carts.removeLine(token, lineId)) {
        throw new Refusal([userError(['lineIds', String(index)], `The cart line with id ${id} does not exist in this cart.`)]);
      }
    });
  }

  return { add, update, remove };
}
