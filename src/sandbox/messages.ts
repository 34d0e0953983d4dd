/**
 * Languages and the `message` texts of error bodies. English texts of the application
 * outcomes are Flexiti's own; the French ones are translations.
 */

export type Lang = 'en' | 'fr';

/** Accepts `en`, `fr`, `en-CA`, `fr-CA` in any case; `undefined` when the value is not one of them. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined || value === '') return 'en';
  const v = value.toLowerCase();
  if (v === 'en' || v === 'en-ca') return 'en';
  if (v === 'fr' || v === 'fr-ca') return 'fr';
  return undefined;
}

const SUPPORT_EN =
  "<p>For more information, please call our customer support centre at <span class='no-break'>1-877-259-3750</span> Monday to Friday 9am to 12am ET, Saturday and Sunday from 9am to 9pm ET and we'd be happy to help.</p>";
const SUPPORT_FR =
  "<p>Pour en savoir plus, veuillez communiquer avec notre centre de soutien à la clientèle au <span class='no-break'>1-877-259-3750</span> du lundi au vendredi de 9 h à minuit (HE), ainsi que le samedi et le dimanche de 9 h à 21 h (HE). Nous serons heureux de vous aider.</p>";
const FOLLOWING_EN = 'It has been following errors:';
const FOLLOWING_FR = 'Les erreurs suivantes se sont produites :';

export const ERROR_MESSAGES = {
  wrong_inputs: { en: 'Some inputs are wrong!', fr: 'Certaines données saisies sont erronées!' },
  tos_agreement_required: { en: FOLLOWING_EN, fr: FOLLOWING_FR },
  customer_already_exists: { en: FOLLOWING_EN, fr: FOLLOWING_FR },
  creditapp_id_not_found: {
    en: 'Credit app id Information not found.',
    fr: 'Renseignements de la demande de crédit introuvables.',
  },
  application_declined: { en: SUPPORT_EN, fr: SUPPORT_FR },
  application_declined_2: { en: SUPPORT_EN, fr: SUPPORT_FR },
  application_marked_pending: { en: SUPPORT_EN, fr: SUPPORT_FR },
  application_marked_pending_2: { en: SUPPORT_EN, fr: SUPPORT_FR },
  application_declined_3: {
    en: '<h1>Unfortunately we can’t seem to find a credit history for you.</h1><p>If you think this is an error, please give us a call at 1-877-259-3750 Monday to Friday 9am to 12am ET, Saturday and Sunday 9am to 9pm ET and we’d be happy to help.</p>',
    fr: '<h1>Malheureusement, nous ne parvenons pas à trouver d’historique de crédit à votre nom.</h1><p>Si vous croyez qu’il s’agit d’une erreur, appelez-nous au 1-877-259-3750 du lundi au vendredi de 9 h à minuit (HE), ainsi que le samedi et le dimanche de 9 h à 21 h (HE). Nous serons heureux de vous aider.</p>',
  },
  application_create_error: {
    en: '<h1>We are currently experiencing some technical difficulties that we are trying to fix as soon as possible.</h1><p>Unfortunately, as a result, we are unable to proceed with your application right now.<br/><br/>Have questions? We’re happy to help. Just give us a call at 1-877-259-3750.</p>',
    fr: '<h1>Nous éprouvons actuellement des difficultés techniques que nous tentons de régler le plus rapidement possible.</h1><p>Malheureusement, nous ne pouvons donc pas traiter votre demande pour le moment.<br/><br/>Vous avez des questions? Nous sommes là pour vous aider. Appelez-nous au 1-877-259-3750.</p>',
  },
  not_found: { en: 'The requested resource was not found.', fr: 'La ressource demandée est introuvable.' },
  authentication_failure: {
    en: 'The merchant username or password is incorrect.',
    fr: 'Le nom d’utilisateur ou le mot de passe du marchand est incorrect.',
  },
  user_not_able_to_purchase: {
    en: 'This account cannot be used for purchases at this time.',
    fr: 'Ce compte ne peut pas être utilisé pour des achats pour le moment.',
  },
  user_not_active: {
    en: 'This account has not been activated yet.',
    fr: 'Ce compte n’a pas encore été activé.',
  },
  sms_not_valid_phone: {
    en: 'There is no valid mobile phone number on file for this account.',
    fr: 'Aucun numéro de téléphone mobile valide n’est associé à ce compte.',
  },
  secret_answer_mismatch: {
    en: 'The answer to the security question is incorrect.',
    fr: 'La réponse à la question de sécurité est incorrecte.',
  },
  tries_exceed: {
    en: 'Too many unsuccessful attempts. Please try again later.',
    fr: 'Trop de tentatives infructueuses. Veuillez réessayer plus tard.',
  },
  merchant_override_is_not_allowed: {
    en: 'Merchant override is not allowed for this merchant.',
    fr: 'La dérogation du marchand n’est pas permise pour ce marchand.',
  },
  regular_purchase_bypass_is_not_allowed: {
    en: 'Regular purchase bypass is not available for this customer or channel.',
    fr: 'Le contournement pour achat régulier n’est pas offert pour ce client ou ce canal.',
  },
  wrong_verification_code: {
    en: 'The verification code is incorrect.',
    fr: 'Le code de vérification est incorrect.',
  },
  not_verified: {
    en: 'The customer has not been verified for this purchase.',
    fr: 'Le client n’a pas été vérifié pour cet achat.',
  },
  vcc_account_mismatch: {
    en: 'The card number does not belong to this account.',
    fr: 'Le numéro de carte n’appartient pas à ce compte.',
  },
  plan_term_not_available: {
    en: 'The selected plan and term are not available for this customer.',
    fr: 'Le plan et la durée choisis ne sont pas offerts à ce client.',
  },
  plan_term_not_set: {
    en: 'The selected plan is not set up for this merchant.',
    fr: 'Le plan choisi n’est pas configuré pour ce marchand.',
  },
  credit_exceeded: {
    en: 'The purchase amount exceeds the available credit.',
    fr: 'Le montant de l’achat dépasse le crédit disponible.',
  },
  authorization_ended: {
    en: 'This authorization is already closed.',
    fr: 'Cette autorisation est déjà fermée.',
  },
  auth_amount_exceeded: {
    en: 'The amount exceeds the remaining authorized amount.',
    fr: 'Le montant dépasse le solde autorisé restant.',
  },
  capture_amount_exceeded: {
    en: 'The amount exceeds the remaining captured amount.',
    fr: 'Le montant dépasse le solde saisi restant.',
  },
  return_date_exceeded: {
    en: 'Returns are accepted within 100 days of the capture.',
    fr: 'Les retours sont acceptés dans les 100 jours suivant la saisie.',
  },
  customer_identity_not_found: {
    en: 'The customer has not been identified.',
    fr: 'Le client n’a pas été identifié.',
  },
  invalid_role: {
    en: 'These credentials are not allowed to use this service.',
    fr: 'Ces identifiants ne sont pas autorisés à utiliser ce service.',
  },
  not_permitted: {
    en: 'These credentials are not permitted to do this.',
    fr: 'Ces identifiants ne permettent pas cette opération.',
  },
  general_error: { en: 'An error occurred. Please try again.', fr: 'Une erreur est survenue. Veuillez réessayer.' },
  auth_not_allowed: {
    en: 'This merchant is not set up for pre-authorizations.',
    fr: 'Ce marchand n’est pas configuré pour les préautorisations.',
  },
  external_location_id_not_found: {
    en: 'The store location was not found.',
    fr: 'L’emplacement du magasin est introuvable.',
  },
  account_type_not_permitted: {
    en: 'This type of account cannot be used here.',
    fr: 'Ce type de compte ne peut pas être utilisé ici.',
  },
  wrong_transaction_type: {
    en: 'Only promotional purchases can be returned; a regular purchase is refunded.',
    fr: 'Seuls les achats promotionnels peuvent faire l’objet d’un retour; un achat régulier est remboursé.',
  },
  refunds_limit_exceeded_amount: {
    en: 'The refund exceeds the amount that can be refunded.',
    fr: 'Le remboursement dépasse le montant remboursable.',
  },
  generic_error: { en: 'An error occurred. Please try again.', fr: 'Une erreur est survenue. Veuillez réessayer.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** For a code with no text of its own (an `answerNext` fault may name any documented code). */
const UNKNOWN_CODE_MESSAGE: Record<Lang, string> = {
  en: 'The request could not be completed.',
  fr: 'La demande n’a pas pu être traitée.',
};

export function errorMessage(code: string, lang: Lang): string {
  return ((ERROR_MESSAGES as Readonly<Record<string, Record<Lang, string> | undefined>>)[code] ?? UNKNOWN_CODE_MESSAGE)[lang];
}
