import type { IndexedVariant } from './catalog-index';
import type { LineRow } from './cart-repository';
import { parseGid } from './ids';
import { availableQuantity, type StoreContext } from './product-objects';
import { checkCaps, checkQuantity, Refusal, userError } from './user-errors';

export interface LineInput {
  merchandiseId: string;
  quantity?: number | null;
}

export interface LineUpdateInput {
  id: string;
  quantity?: number | null;
}

const units = (lines: readonly LineRow[]) => lines.reduce((total, line) => total + line.quantity, 0);

/**
 * The line mutations. Each runs inside the caller's IMMEDIATE transaction, so what it reads is what
 * it writes over (no other process can write in between), and throws Refusal to write nothing.
 */
export function createLineChanges(context: StoreContext) {
  const { carts, catalog } = context;

  function variantFor(merchandiseId: string, field: string[]): IndexedVariant {
    const sku = parseGid(merchandiseId, 'ProductVariant');
    const found = sku ? catalog.variant(sku) : undefined;
    if (!found) throw new Refusal([userError(field, `The merchandise with id ${merchandiseId} does not exist.`, 'INVALID_MERCHANDISE_LINE')]);
    return found;
  }

  /** Refuses when the cart would hold more of the variant than is for sale. */
  function checkStock(field: string[], { product, variant }: IndexedVariant, wanted: number, inCart: number): void {
    const stock = availableQuantity(context, variant);
    if (wanted <= stock) return;
    const name = `${product.title} (${variant.title})`;
    const message =
      stock === 0
        ? `${name} is sold out.`
        : `Only ${stock} of ${name} ${stock === 1 ? 'is' : 'are'} in stock${inCart > 0 ? `, and your cart already has ${inCart}.` : '.'}`;
    // CartErrorCode has no stock code (MERCHANDISE_NOT_ENOUGH_STOCK is only a warning code); this is the nearest.
    throw new Refusal([userError(field, message, 'MAXIMUM_EXCEEDED')]);
  }

  function add(token: string, inputs: readonly LineInput[]): void {
    inputs.forEach((input, index) => {
      const field = ['lines', String(index), 'quantity'];
      const found = variantFor(input.merchandiseId, ['lines', String(index), 'merchandiseId']);
      const quantity = input.quantity ?? 1;
      checkQuantity(quantity, field, 1);
      const lines = carts.lines(token);
      const inCart = units(lines.filter((line) => line.sku === found.variant.sku));
      checkStock(field, found, inCart + quantity, inCart);
      checkCaps(inCart + quantity, units(lines) + quantity, field);
      carts.addLine(token, found.variant.sku, quantity);
    });
  }

  function update(token: string, inputs: readonly LineUpdateInput[]): void {
    inputs.forEach((input, index) => {
      const field = ['lines', String(index), 'quantity'];
      const lines = carts.lines(token);
      const lineId = parseGid(input.id, 'CartLine');
      const line = lines.find((candidate) => candidate.id === lineId);
      if (!line) throw new Refusal([userError(['lines', String(index), 'id'], `The cart line with id ${input.id} does not exist in this cart.`)]);
      const quantity = input.quantity ?? line.quantity;
      checkQuantity(quantity, field, 0);
      // Shopify removes a line whose quantity is set to 0.
      if (quantity === 0) return void carts.removeLine(token, line.id);
      // Lowering a quantity is always allowed, even when stock has since dropped below it.
      if (quantity > line.quantity) {
        const found = catalog.variant(line.sku);
        if (!found) throw new Refusal([userError(field, 'This item is no longer sold; it can only be removed.', 'INVALID_MERCHANDISE_LINE')]);
        const inCart = units(lines.filter((other) => other.sku === line.sku));
        checkStock(field, found, inCart - line.quantity + quantity, inCart - line.quantity);
        checkCaps(quantity, units(lines) - line.quantity + quantity, field);
      }
      carts.setQuantity(token, line.id, quantity);
    });
  }

  function remove(token: string, lineIds: readonly string[]): void {
    lineIds.forEach((id, index) => {
      const lineId = parseGid(id, 'CartLine');
      if (!lineId || !carts.removeLine(token, lineId)) {
        throw new Refusal([userError(['lineIds', String(index)], `The cart line with id ${id} does not exist in this cart.`)]);
      }
    });
  }

  return { add, update, remove };
}
