import { gid, parseGid } from './ids';
import { availableQuantity, type StoreContext } from './product-objects';
import { checkCaps, checkQuantity, refuse } from './user-errors';
import type { LineRow } from './cart-repository';
import type { IndexedPlan, IndexedVariant } from './catalog-index';

export interface LineInput {
  merchandiseId: string;
  quantity?: number | null;
  sellingPlanId?: string | null;
}

export interface LineUpdateInput {
  id: string;
  quantity?: number | null;
  /** Absent: the line keeps its plan. Null: the line becomes a one-time purchase. */
  sellingPlanId?: string | null;
}

const units = (lines: readonly LineRow[]) =>
  lines.reduce((total, line) => total + line.quantity, 0);

/** The path of a field of the `index`th line input, as userErrors name it. */
const inputField = (index: number) => (name: string) => ['lines', String(index), name];

const noSuchLine = (id: string) => `The cart line with id ${id} does not exist in this cart.`;

/** Shopify's CartWarning: the change was made as far as it could be, and this says what was not. */
export interface CartWarning {
  code: 'MERCHANDISE_NOT_ENOUGH_STOCK' | 'MERCHANDISE_OUT_OF_STOCK';
  message: string;
  /** The cart line the warning is about (the merchandise when no line could be made). */
  target: string;
}

/**
 * The line mutations, run inside the caller's IMMEDIATE transaction (what they read is what they
 * write over); a Refusal writes nothing. Short stock is not a refusal: as Shopify since API 2024-10,
 * the change is made with what there is, with a warning. A line is a variant and a plan, each line
 * held to the per-line cap, while stock is counted over every line of the variant.
 */
export function createLineChanges(context: StoreContext) {
  const { carts, catalog } = context;

  function variantFor(merchandiseId: string, field: string[]): IndexedVariant {
    const sku = parseGid(merchandiseId, 'ProductVariant');
    const found = sku ? catalog.variants.get(sku) : undefined;
    if (!found) {
      const message = `The merchandise with id ${merchandiseId} does not exist.`;
      refuse(field, message, 'INVALID_MERCHANDISE_LINE');
    }
    return found;
  }

  /**
   * The plan a line asks for, which must be one of its product's plans. SELLING_PLAN_NOT_APPLICABLE is
   * the code Shopify's cart mutations give (since 2025-07) for a plan that does not apply to the
   * merchandise; the local store uses it for an unknown plan too.
   */
  function planFor(
    sellingPlanId: string,
    { product, variant }: IndexedVariant,
    field: string[],
  ): IndexedPlan {
    const key = parseGid(sellingPlanId, 'SellingPlan');
    const plan = key ? catalog.plans.get(key) : undefined;
    const code = 'SELLING_PLAN_NOT_APPLICABLE';
    if (!plan) refuse(field, `The selling plan with id ${sellingPlanId} does not exist.`, code);
    if (plan.product !== product) {
      const name = `${product.title} (${variant.title})`;
      refuse(field, `The selling plan "${plan.plan.name}" is not available for ${name}.`, code);
    }
    return plan;
  }

  /**
   * How many of `wanted` more units the cart can take when it already holds `inCart` of the variant,
   * and the warning when that is fewer.
   */
  function withinStock(
    { product, variant }: IndexedVariant,
    wanted: number,
    inCart: number,
  ): { units: number; warning: Omit<CartWarning, 'target'> | null } {
    const stock = availableQuantity(context, variant);
    const units = Math.max(0, Math.min(wanted, stock - inCart));
    if (units === wanted) return { units, warning: null };
    const name = `${product.title} (${variant.title})`;
    const warning: Omit<CartWarning, 'target'> =
      stock === 0
        ? { code: 'MERCHANDISE_OUT_OF_STOCK', message: `${name} is sold out.` }
        : {
            code: 'MERCHANDISE_NOT_ENOUGH_STOCK',
            message: `Only ${stock} of ${name} ${stock === 1 ? 'is' : 'are'} in stock; your cart has ${stock === 1 ? 'it' : `all ${stock}`}.`,
          };
    return { units, warning };
  }

  function add(token: string, inputs: readonly LineInput[]): CartWarning[] {
    return inputs.flatMap((input, index) => {
      const field = inputField(index);
      const found = variantFor(input.merchandiseId, field('merchandiseId'));
      const plan = input.sellingPlanId
        ? planFor(input.sellingPlanId, found, field('sellingPlanId')).key
        : null;
      const quantity = input.quantity ?? 1;
      checkQuantity(quantity, field('quantity'), 1);
      const lines = carts.lines(token);
      const sku = found.variant.sku;
      const inCart = units(lines.filter((line) => line.sku === sku));
      const onLine = units(lines.filter((line) => line.sku === sku && line.sellingPlan === plan));
      const fits = withinStock(found, quantity, inCart);
      if (fits.units > 0) {
        checkCaps(onLine + fits.units, units(lines) + fits.units, field('quantity'));
        carts.addLine(token, sku, fits.units, plan);
      }
      if (!fits.warning) return [];
      const line = carts.lines(token).find((l) => l.sku === sku && l.sellingPlan === plan);
      return [{ ...fits.warning, target: line ? gid('CartLine', line.id) : input.merchandiseId }];
    });
  }

  function update(token: string, inputs: readonly LineUpdateInput[]): CartWarning[] {
    const warnings: CartWarning[] = [];
    inputs.forEach((input, index) => {
      const field = inputField(index);
      const lines = carts.lines(token);
      const lineId = parseGid(input.id, 'CartLine');
      const line = lines.find((candidate) => candidate.id === lineId);
      if (!line) refuse(field('id'), noSuchLine(input.id));
      const asked = input.quantity ?? line.quantity;
      checkQuantity(asked, field('quantity'), 0);
      // Shopify removes a line whose quantity is set to 0.
      if (asked === 0) return void carts.removeLine(token, line.id);
      const found = catalog.variants.get(line.sku);
      if (!found && (asked > line.quantity || input.sellingPlanId !== undefined)) {
        const message = 'This item is no longer sold; it can only be removed.';
        refuse(field('quantity'), message, 'INVALID_MERCHANDISE_LINE');
      }
      const plan =
        input.sellingPlanId === undefined
          ? line.sellingPlan
          : input.sellingPlanId === null
            ? null
            : planFor(input.sellingPlanId, found!, field('sellingPlanId')).key;
      // Moving to a plan the variant already has a line for joins that line, as adding would.
      const joined =
        plan === line.sellingPlan
          ? undefined
          : lines.find((other) => other.sku === line.sku && other.sellingPlan === plan);
      // Lowering a quantity is always allowed, even when stock has since dropped below it; raising it
      // takes what stock allows, and never lowers it.
      let quantity = asked;
      if (asked > line.quantity) {
        const inCart = units(lines.filter((other) => other.sku === line.sku));
        const fits = withinStock(found!, asked - line.quantity, inCart);
        quantity = line.quantity + fits.units;
        if (fits.warning) warnings.push({ ...fits.warning, target: gid('CartLine', line.id) });
      }
      const lineQuantity = quantity + (joined?.quantity ?? 0);
      if (quantity > line.quantity || joined)
        checkCaps(lineQuantity, units(lines) - line.quantity + quantity, field('quantity'));
      carts.updateLine(token, joined?.id ?? line.id, lineQuantity, plan);
      if (joined) carts.removeLine(token, line.id);
    });
    return warnings;
  }

  function remove(token: string, lineIds: readonly string[]): void {
    lineIds.forEach((id, index) => {
      const lineId = parseGid(id, 'CartLine');
      if (!lineId || !carts.removeLine(token, lineId))
        refuse(['lineIds', String(index)], noSuchLine(id));
    });
  }

  return { add, update, remove };
}
