import request from 'supertest';
import { Role } from '@app/parties';
import { Cast } from '../factories/cast.factory';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { fieldsOf, mailTo } from '../helpers/mail-fields';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';

const PUBLIC_URL = 'https://raci.example';
const REPLICA = 'mariadb.add-read-only-replica';
const FRENCH_DATE =
  /^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4} à \d{2}:\d{2} UTC$/;

/** A date as French mail writes it: `8 décembre 2026 à 20:52 UTC`. */
const fr = (iso: string) => {
  const text = `${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
  expect(text).toMatch(FRENCH_DATE);
  return text;
};
const nameOf = (actor: Actor) => `User ${actor.email.split('@')[0]}`;
const path = (url: string) => new URL(url).pathname;

describe('mail you can decide from, in French', () => {
  let bed: MailTestBed;
  let t: TestApp;
  let smtp: SmtpListener;
  let cast: Cast;
  let french: { id: string; name: string };
  let contact: string;
  let people: { requester: Actor; approver: Actor; consultant: Actor };

  beforeAll(async () => {
    bed = await createMailTestBed({ PUBLIC_URL });
    ({ t, smtp, cast } = bed);
    contact = `cloud-${Date.now()}@exemple.fr`;
    french = await createCustomer(t, {
      plan: 'on-request',
      locale: 'fr',
      contactEmails: [contact],
    });
    people = {
      requester: await createUser(t, french.id, [Role.Requester]),
      approver: await createUser(t, french.id, [Role.Approver]),
      consultant: await createUser(t, french.id, [Role.Consultant]),
    };
  });
  afterAll(() => bed.close());

  it('tells a French customer in French, and gives it the answer without internal comments', async () => {
    const { requester } = people;
    const { operator, approver } = cast.provider;
    const submitted = await api(t, requester)
      .post('/v1/requests', {
        action: REPLICA,
        params: { instance: 'bdd-1' },
        comment: 'Pour l’équipe <reporting>',
      })
      .expect(201);
    const { id, dueAt } = submitted.body as { id: string; dueAt: string };
    await settle(t);
    const mail = mailTo(smtp, contact, id, 'Demande soumise');
    const fields = fieldsOf(mail);
    expect(mail.subject).toBe(
      `Demande soumise: Ajouter un réplica MariaDB en lecture seule (${french.name})`,
    );
    expect(fields.rows).toEqual({
      Action: `Ajouter un réplica MariaDB en lecture seule (${REPLICA})`,
      Client: french.name,
      'Soumise par': `${nameOf(requester)} <${requester.email}>, ${french.name}`,
      État: 'en attente d’approbation',
      Échéance: fr(dueAt),
      'Réalisée par': 'le fournisseur',
      Demande: id,
    });
    expect(fields.sections.Paramètres).toEqual([
      '- Nom du nœud MariaDB autonome à répliquer: bdd-1',
    ]);
    expect(fields.sections['Prochaine étape']).toEqual([
      `- les approbateurs du fournisseur: approuver ou rejeter, avant le ${fr(dueAt)}`,
    ]);
    // Ce que le demandeur a écrit vient cité, sous son nom, après les liens du moteur.
    expect(fields.sections[`Commentaire de ${nameOf(requester)}`]).toEqual([
      '> Pour l’équipe <reporting>',
    ]);
    expect(Object.keys(fields.sections).pop()).toBe(`Commentaire de ${nameOf(requester)}`);
    expect(fields.sections['À propos de cette action']).toEqual([
      'Sur demande, un réplica MariaDB en lecture seule peut être configuré pour un nœud MariaDB autonome.',
    ]);
    expect(fields.links['Voir la demande']).toBe(`${PUBLIC_URL}/requests/${id}`);
    expect(fields.footer[0]).toBe(
      'Vous recevez ce message en raison de votre rôle dans cette demande selon la matrice RACI.',
    );
    expect(mail.html).toContain('<blockquote>&gt; Pour l’équipe &lt;reporting&gt;</blockquote>');
    expect(mail.html).not.toContain('<reporting>');

    await api(t, approver).post(`/v1/requests/${id}/approve`, {}).expect(200);
    await api(t, operator).post(`/v1/requests/${id}/start`, {}).expect(200);
    await api(t, operator)
      .post(`/v1/requests/${id}/comments`, { body: 'Réplica prêt, décalage < 1 s' })
      .expect(201);
    await api(t, operator)
      .post(`/v1/requests/${id}/comments`, { body: 'interne : hôte fragile', internal: true })
      .expect(201);
    await api(t, operator)
      .post(`/v1/requests/${id}/complete`, { result: { endpoint: 'bdd-1-ro.interne' } })
      .expect(200);
    await settle(t);
    const [comment] = (await api(t, operator).get(`/v1/requests/${id}/comments`)).body.items;
    const done = fieldsOf(mailTo(smtp, contact, id, 'Demande terminée'));
    expect(done.rows.État).toBe('terminée');
    expect(done.rows.Échéance).toBeUndefined();
    expect(done.sections['Prochaine étape']).toEqual(['- aucune : la demande est close']);
    expect(done.sections[`Résultat de ${nameOf(operator)}`]).toEqual([
      '> endpoint: bdd-1-ro.interne',
    ]);
    expect(
      done.sections[
        `Commentaire de ${nameOf(operator)} (le fournisseur), ${fr(comment.createdAt)}`
      ],
    ).toEqual(['> Réplica prêt, décalage < 1 s']);
    expect(smtp.messages.some((m) => m.text.includes('hôte fragile'))).toBe(false);
  });

  it('asks French Consulted people in French; a late link is refused, in French, saying who answered', async () => {
    const { approver, consultant } = people;
    const submitted = await api(t, cast.provider.requester)
      .post('/v1/requests', {
        action: 'data-masking.pdm-masking-plan-creation-and-execution',
        params: { database: 'crm' },
        organizationId: french.id,
      })
      .expect(201);
    const { id, dueAt } = submitted.body as { id: string; dueAt: string };
    await settle(t);
    const mail = mailTo(smtp, consultant.email, id, 'Votre avis est demandé');
    const asked = fieldsOf(mail);
    expect(mail.subject).toBe(
      `Votre avis est demandé: PDM : créer et exécuter le plan de masquage (${french.name})`,
    );
    expect(asked.rows.État).toBe('en attente de l’avis des parties consultées');
    expect(asked.sections['Prochaine étape']).toEqual([
      `- les consultants ou approbateurs du client: donner leur avis, avant le ${fr(dueAt)}`,
    ]);
    expect(Object.keys(asked.links)).toEqual(['D’accord', 'Pas d’accord', 'Voir la demande']);
    expect(mail.text).toContain(`et au plus tard jusqu’au ${fr(dueAt)}.`);
    expect(asked.sections['À propos de cette action'][0]).toBe(
      '- 10 traitements d’anonymisation inclus',
    );

    // The approver, who may answer for the customer too, agrees from the mail.
    const mine = fieldsOf(mailTo(smtp, approver.email, id, 'Votre avis est demandé'));
    const ask = await request(t.http).get(path(mine.links['D’accord'])).expect(200);
    expect(ask.text).toContain('<h1>Donner un avis favorable ?</h1>');
    expect(ask.text).toContain('PDM : créer et exécuter le plan de masquage');
    const done = await request(t.http)
      .post(path(mine.links['D’accord']))
      .type('form')
      .send({})
      .expect(200);
    expect(done.text).toContain('est désormais en attente d’approbation');

    // The consultant's link can no longer act: the page says who answered, and offers no form.
    const page = await request(t.http).get(path(asked.links['Pas d’accord'])).expect(410);
    expect(page.text).toContain(
      `Ce lien ne s’applique plus : un avis a été donné par ${nameOf(approver)} (${approver.email}) le `,
    );
    expect(page.text).not.toContain('<form');
    await request(t.http).post(path(asked.links['Pas d’accord'])).type('form').send({}).expect(410);
    const opinions = (await api(t, cast.provider.admin).get(`/v1/requests/${id}`)).body.opinions;
    expect(opinions).toMatchObject([{ party: 'customer', opinion: 'agree', userId: approver.id }]);
  });
});
